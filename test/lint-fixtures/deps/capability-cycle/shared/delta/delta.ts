export type Delta = { name: string };
