export const ok = <T>(value: T) => ({ ok: true as const, value });
