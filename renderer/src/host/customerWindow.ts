/** Where the customer display lives: this same app at #/customer, in a window of its own. */
export const CUSTOMER_HASH = '#/customer';

/** The browser host's pop-up name: opening it again reuses (and focuses) the same window. */
export const CUSTOMER_WINDOW_NAME = 'counterdesk-customer';
