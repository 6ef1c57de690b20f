/// <reference types="vite/client" />
// Vite's ambient types: CSS and asset imports, import.meta.env.
