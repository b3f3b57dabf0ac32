/** A small real pack (articles, intents, replies, rules) held in memory for the assist tests. */
import type { InMemoryPack } from '../../../../electron/services/assist/assist-knowledge';

export const retailPack: InMemoryPack = {
  packId: 'test-retail',
  articles: [
    {
      articleId: 'orders/where-is-my-order',
      title: 'Where is my order',
      text: 'Orders ship within 2 working days. Track a parcel with the order number on the tracking page. A parcel that has not arrived after 7 days can be reported as lost.',
    },
    {
      articleId: 'billing/refunds',
      title: 'Refunds',
      text: 'Refunds go back to the card used for the order within 5 working days of the return arriving at the warehouse.',
    },
  ],
  intents: [
    {
      id: 'order_status',
      description: 'Where is my order',
      examples: [
        'where is my order',
        'my parcel has not arrived',
        'my package never came',
        'when will my order be delivered',
        'tracking says nothing about my order',
        'has my order shipped yet',
      ],
      nextActions: [
        { id: 'verify', text: 'Verify the order number' },
        { id: 'track', text: 'Check the tracking page' },
      ],
      responses: ['order-status'],
      articles: ['orders/where-is-my-order'],
    },
    {
      id: 'refund',
      description: 'Refund request',
      examples: [
        'i want a refund',
        'refund my money please',
        'when will i get my refund',
        'how long do refunds take',
        'give me my money back',
      ],
      nextActions: [{ id: 'return', text: 'Check the return has arrived' }],
      responses: ['refund-timing'],
      articles: ['billing/refunds'],
    },
  ],
  responses: [
    {
      id: 'order-status',
      title: 'Order status',
      text: 'Hi {{customer_name}}, I have checked order {{order_id}} and it is on its way.',
      intents: ['order_status'],
      tags: [],
      packId: 'test-retail',
    },
    {
      id: 'refund-timing',
      title: 'Refund timing',
      text: 'Refunds reach your card within 5 working days of the return arriving.',
      intents: ['refund'],
      tags: [],
      packId: 'test-retail',
    },
  ],
  rules: [
    {
      id: 'chargeback',
      reason: 'Chargeback threat',
      severity: 'high',
      phrases: ['chargeback'],
      intents: [],
    },
  ],
};
