// An in-memory IndexedDB (the spec's behaviour, from fake-indexeddb) for what the SPA keeps on
// the device, such as the sale outbox.
import 'fake-indexeddb/auto';
