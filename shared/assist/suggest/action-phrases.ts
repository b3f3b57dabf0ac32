/**
 * The paraphrase table behind self-ticking steps: for common contact-centre actions, the words
 * a playbook step uses to name the action, and the words an agent says while doing it. A step
 * "Verify the customer's identity" is done when the agent asks "can I have your full name and
 * the email on the account". Phrases are matched on stemmed content words (stop words out), all
 * words of a phrase present in one agent turn, in any order.
 */

/** One action: how steps name it, how agents do it. */
export interface ActionPhrases {
  readonly id: string;
  /** Phrases in a step's text that mean this action. */
  readonly step: readonly string[];
  /** Phrases in an agent's turn that show the action done. */
  readonly agent: readonly string[];
}

/** Actions of an online retailer's contact centre (returns, refunds, orders, promos, accounts). */
export const ACTION_PHRASES: readonly ActionPhrases[] = [
  {
    id: 'verify-identity',
    step: [
      'verify identity',
      'identity',
      'authenticate',
      'verify account',
      'security check',
      'verify customer',
    ],
    agent: [
      'full name',
      'email account',
      'email address',
      'date birth',
      'security question',
      'verify identity',
      'confirm identity',
      'username',
      'account id',
      'account number',
      'zip code',
      'postcode',
      'last four digits',
      'verify account',
      'pin',
    ],
  },
  {
    id: 'look-up-order',
    step: [
      'look order',
      'find order',
      'pull order',
      'check order',
      'order details',
      'locate order',
      'review order',
    ],
    agent: [
      'order number',
      'order id',
      'pull order',
      'look order',
      'find order',
      'see order',
      'located order',
      'order shows',
      'order placed',
      'checking order',
      'records show',
    ],
  },
  {
    id: 'order-status',
    step: ['tracking', 'delivery status', 'shipping status', 'order status', 'carrier', 'track'],
    agent: [
      'tracking',
      'carrier',
      'out for delivery',
      'delivery',
      'shipped',
      'dispatched',
      'arrive',
      'courier',
    ],
  },
  {
    id: 'shipping-state',
    step: ['shipping state', 'shipping status'],
    agent: [
      'shipped',
      'shipping status',
      'order status',
      'in transit',
      'out for delivery',
      'been delivered',
      'being prepared',
    ],
  },
  {
    id: 'offer-refund',
    step: ['refund', 'reimburse', 'money back'],
    agent: ['refund', 'money back', 'reimburse', 'credit back', 'refunded'],
  },
  {
    id: 'exchange',
    step: ['exchange', 'replacement', 'different size', 'swap'],
    agent: ['exchange', 'replacement', 'swap', 'different size', 'send new', 'new one'],
  },
  {
    id: 'return-label',
    step: ['return label', 'shipping label', 'prepaid label', 'label'],
    agent: ['label', 'prepaid', 'drop off', 'return slip'],
  },
  {
    id: 'confirm-address',
    step: ['address', 'shipping address', 'delivery address'],
    // Not plain "address": "the email address on the account" is an identity check.
    agent: [
      'shipping address',
      'delivery address',
      'postal address',
      'home address',
      'address file',
      'address correct',
      'still live',
      'street',
    ],
  },
  {
    id: 'return-reason',
    step: ['reason return', 'return reason', 'record reason', 'reason'],
    agent: ['reason', 'wrong item', 'fit', 'happened', 'issue item'],
  },
  {
    id: 'promo-code',
    step: ['promo code', 'promo', 'discount code', 'discount', 'coupon', 'voucher'],
    agent: ['promo', 'coupon', 'discount', 'voucher', 'apply code', 'code applied', 'code expired'],
  },
  {
    id: 'reset-password',
    step: ['reset password', 'password', 'account access', 'unlock account', 'log in', 'login'],
    agent: [
      'reset link',
      'password reset',
      'reset password',
      'new password',
      'unlock',
      'temporary password',
      'clear cache',
    ],
  },
  {
    id: 'send-confirmation',
    step: ['send confirmation', 'confirmation email', 'email confirmation', 'email summary'],
    agent: ['confirmation email', 'send email', 'sent email', 'email shortly', 'inbox'],
  },
  {
    id: 'explain-policy',
    step: ['explain policy', 'return policy', 'refund policy', 'policy', 'return window'],
    agent: ['policy', 'within days', 'days purchase', 'eligible', 'return window'],
  },
  {
    id: 'payment-method',
    step: ['payment method', 'billing', 'card'],
    agent: ['card', 'payment method', 'billing', 'charged', 'paypal'],
  },
  {
    id: 'membership',
    step: ['membership', 'loyalty', 'member level'],
    agent: ['membership', 'member', 'loyalty', 'gold', 'tier'],
  },
  {
    id: 'escalate',
    step: ['escalate', 'supervisor', 'manager', 'specialist', 'transfer'],
    agent: ['supervisor', 'escalate', 'escalated', 'transfer', 'specialist team'],
  },
  {
    id: 'apologise',
    step: ['apologise', 'apologize', 'empathise', 'empathize', 'acknowledge frustration'],
    agent: ['sorry', 'apologise', 'apologize', 'apologies', 'understand frustrating'],
  },
  {
    id: 'wrap-up',
    step: ['anything else', 'confirm resolution', 'wrap', 'close conversation', 'close chat'],
    agent: ['anything else', 'else help', 'resolved', 'great day'],
  },
];
