export { licenceOf } from './licences';
