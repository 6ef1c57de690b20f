/**
 * Tests run on this machine only: any outgoing connection to an address that is not loopback fails the
 * test loudly instead of reaching out.
 */
import net from 'node:net';

let installed = false;

function isLocal(host: string | undefined): boolean {
  return !host || host === 'localhost' || host.startsWith('127.') || host === '::1' || host.startsWith('/');
}

export function guardNetwork(): void {
  if (installed) return;
  installed = true;
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guarded(this: net.Socket, ...args: unknown[]) {
    const first = args[0] as { host?: string; path?: string } | number | string;
    const host = typeof first === 'object' && first !== null ? (first.path ?? first.host) : typeof args[1] === 'string' ? args[1] : undefined;
    if (!isLocal(host)) throw new Error(`Test tried to connect outside the machine: ${host}`);
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
}
