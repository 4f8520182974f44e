export { seededRandom } from '../../src/core/random';
