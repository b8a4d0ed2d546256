/**
 * The in-memory store (the contract's reference implementation) against the contract suite.
 */
import { createMemoryStore } from '../../packages/service/src/store/memory-store.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('memory', () => createMemoryStore());
