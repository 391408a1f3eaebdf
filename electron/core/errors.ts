export { ApiError } from '@shared/api/contract';
