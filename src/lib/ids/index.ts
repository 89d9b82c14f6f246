export { byCreation, createIdFactory } from './ids';
