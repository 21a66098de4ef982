// IndexedDB for unit tests (happy-dom has none). Tests that need isolation create their own IDBFactory.
import 'fake-indexeddb/auto';
