import { createBeta } from '../services/beta';

export const createServices = () => createBeta();
