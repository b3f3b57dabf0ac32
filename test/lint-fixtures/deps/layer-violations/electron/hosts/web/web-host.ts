export const startHost = () => 'started';
