/**
 * The till's arithmetic, one copy for the API and the SPA: the API's own pure module
 * (per-line, half-up rounding in integer cents; its comment gives the rule), compiled into the
 * SPA as it is. Online, the pay step asks the API (`POST …/sales/quote`); offline, the till
 * prices a sale with this from the offline catalogue, and the server prices it again, with the
 * same code, when it accepts it.
 */
export * from '../../../server/src/modules/sales/checkout/pricing';
