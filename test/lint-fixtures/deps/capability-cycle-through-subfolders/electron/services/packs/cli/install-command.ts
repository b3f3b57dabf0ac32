import { indexPack } from '../../knowledge/pack-indexer';

export const installCommand = (id: string) => indexPack(id);
