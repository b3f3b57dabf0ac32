import { readInstalled } from '../packs/install/installed-content';

export const indexPack = (id: string) => readInstalled(id).length;
