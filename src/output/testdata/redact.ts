/** What the goldens hold in place of values of the machine that wrote them. */

/** The SARIF golden's `originalUriBaseIds` `%SRCROOT%`: the working directory's `file:` URI. */
export const REDACTED_CHECKOUT_URI = 'file:///CHECKOUT/';
/** The tool version. */
export const REDACTED_VERSION = '<VERSION>';
