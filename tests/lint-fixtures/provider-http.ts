import { request } from 'node:https';
export const call = () => request('https://api.openai.com/v1/models');
