// Mantine's PostCSS preset, for its mixins (`light-dark`, `rem`, `@mixin hover`…) in the app's own CSS modules.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
