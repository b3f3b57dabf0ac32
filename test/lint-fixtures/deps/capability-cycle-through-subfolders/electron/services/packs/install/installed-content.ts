export const readInstalled = (id: string) => [id];
