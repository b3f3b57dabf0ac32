/**
 * The PII test set: realistic customer-service strings with the personal data they hold
 * (kind and exact substring; offsets are found in order), and hard negatives that hold none:
 * order numbers, prices, dates, times, tracking codes, versions. Used by pii.test.ts and the
 * `pii` eval suite. When names and dates of birth became kinds (issue 16), the five spans of
 * the set that are of those kinds, or a French address, were labelled; nothing else changed.
 */
import type { PiiKind, PiiSpan } from '../../../shared/assist/pii/redact';

/** One case: the text and its personal data in reading order. */
export interface PiiCase {
  readonly text: string;
  readonly pii: readonly (readonly [PiiKind, string])[];
}

const EMAILS = [
  'john.smith@example.com',
  'maria_g+orders@mail.co.uk',
  'k.lee@uni.edu',
  'ops-team@acme-corp.io',
  'DAVE99@HOTMAIL.COM',
];
const PHONES = [
  '+44 20 7946 0958',
  '(415) 555-0134',
  '07700 900123',
  '+1 212-555-0199',
  '020 7946 0321',
  '555.867.5309',
  '+49 30 12345678',
  '0161 496 0000',
  '+33 1 42 68 53 00',
  '212-555-0147',
];
const CARDS = [
  '4111 1111 1111 1111',
  '4242424242424242',
  '5555-5555-5555-4444',
  '5105105105105100',
  '378282246310005',
  '6011 1111 1111 1117',
  '3530111333300000',
  '4012888888881881',
  '5200 8282 8282 8210',
  '371449635398431',
];
const IBANS = [
  'GB82 WEST 1234 5698 7654 32',
  'DE89370400440532013000',
  'FR14 2004 1010 0505 0001 3M02 606',
  'NL91ABNA0417164300',
  'ES91 2100 0418 4502 0005 1332',
  'IT60 X054 2811 1010 0000 0123 456',
  'BE68 5390 0754 7034',
  'CH93 0076 2011 6238 5295 7',
  'GB29 NWBK 6016 1331 9268 19',
  'IE29 AIBK 9311 5212 3456 78',
];
const POSTCODES = [
  'SW1A 1AA',
  'M1 1AE',
  'EC1A 1BB',
  'B33 8TH',
  'CR2 6XH',
  'DN55 1PT',
  'W1A 0AX',
  'LS1 4AP',
];
const IDS = [
  '123-45-6789',
  '078-05-1120',
  'AB 12 34 56 C',
  'AB123456D',
  '219-09-9999',
  'JG 10 37 56 A',
];
const ADDRESSES = [
  '221B Baker Street',
  '10 Downing Street',
  '1600 Pennsylvania Avenue',
  '42 Elm Rd',
  '7 Acacia Avenue',
  '350 Fifth Avenue',
  '15 Station Road',
  '88 Queens Drive',
  '3 Mill Lane',
  '1234 Oak Hill Blvd',
];

function each<T>(values: readonly T[], make: (v: T, i: number) => PiiCase): PiiCase[] {
  return values.map(make);
}

const EMAIL_T = [
  'you can email me at {}',
  'my email is {} if that helps',
  'Send the receipt to {} please',
  'I changed my login to {} last week',
  'its {}',
];
const PHONE_T = [
  'call me back on {}',
  'my number is {}',
  'You can reach me at {} after 5pm',
  'The phone on the account is {}',
  'text me on {} when it ships',
  'mobile: {}',
  'try {} tomorrow morning',
  'my husband’s phone is {}',
  'Please ring {}',
  'contact number {} thanks',
];
const CARD_T = [
  'my card number is {}',
  'I paid with {} and it was declined',
  'card {} exp 04/27',
  'the charge was on {}',
  'Use {} for the renewal',
  'it was my visa {}',
  'card ending... actually the full number is {}',
  'refund it to {} please',
  'I typed {} into the form',
  'is {} still on file?',
];
const IBAN_T = [
  'my IBAN is {}',
  'please refund to {}',
  'IBAN: {} (business account)',
  'the transfer went to {}',
  'wire it to {} thanks',
  'I gave you {} on the phone',
  'bank details: {}',
  'Account IBAN {} not the old one',
  'my new iban is {}',
  'send the deposit to {}',
];
const POST_T = [
  'postcode is {}',
  'I live at {} now',
  'deliver to {}',
  'the old postcode was {}',
  'is {} in your delivery area?',
  'Address line 2, London {}',
  'we moved to {} in May',
  'post code {}',
];
const ID_T = [
  'my SSN is {}',
  'social security number {}',
  'NI number {}',
  'my national insurance number is {}',
  'for verification {}',
  'ssn: {}',
];
const ADDR_T = [
  'I live at {}',
  'ship it to {}, apartment 4',
  'my address is {}',
  'the parcel went to {} instead',
  'deliver to {} please',
  'we moved from {}',
  'it should go to {}',
  'send the engineer to {}',
  'my billing address is {}',
  'office is at {}',
];

const fill = (t: string, v: string) => t.replace('{}', v);

const generated: PiiCase[] = [
  ...each(EMAILS, (v, i) => ({ text: fill(EMAIL_T[i % EMAIL_T.length]!, v), pii: [['email', v]] })),
  ...each(PHONES, (v, i) => ({ text: fill(PHONE_T[i]!, v), pii: [['phone', v]] })),
  ...each(CARDS, (v, i) => ({ text: fill(CARD_T[i]!, v), pii: [['card', v]] })),
  ...each(IBANS, (v, i) => ({ text: fill(IBAN_T[i]!, v), pii: [['iban', v]] })),
  ...each(POSTCODES, (v, i) => ({ text: fill(POST_T[i]!, v), pii: [['postcode', v]] })),
  ...each(IDS, (v, i) => ({ text: fill(ID_T[i]!, v), pii: [['national-id', v]] })),
  ...each(ADDRESSES, (v, i) => ({ text: fill(ADDR_T[i]!, v), pii: [['address', v]] })),
];

const mixed: PiiCase[] = [
  {
    text: 'Hi, I am at 221B Baker Street, London NW1 6XE, phone 020 7224 3688',
    pii: [
      ['address', '221B Baker Street'],
      ['postcode', 'NW1 6XE'],
      ['phone', '020 7224 3688'],
    ],
  },
  {
    text: 'email anna@example.org or call +44 7700 900077',
    pii: [
      ['email', 'anna@example.org'],
      ['phone', '+44 7700 900077'],
    ],
  },
  {
    text: 'Ship to 500 Market Street, San Francisco, CA 94105',
    pii: [
      ['address', '500 Market Street'],
      ['postcode', '94105'],
    ],
  },
  { text: 'my zip code is 10001-1234', pii: [['postcode', '10001-1234']] },
  { text: 'zip 60614', pii: [['postcode', '60614']] },
  { text: 'Austin, TX 78701 is the billing city', pii: [['postcode', '78701']] },
  {
    text: 'Card 4111111111111111, email j.doe@example.com',
    pii: [
      ['card', '4111111111111111'],
      ['email', 'j.doe@example.com'],
    ],
  },
  { text: 'my ssn 123 45 6789 is on the form', pii: [['national-id', '123 45 6789']] },
  {
    text: 'NI no. PX123456C, postcode SW1A 2AA',
    pii: [
      ['national-id', 'PX123456C'],
      ['postcode', 'SW1A 2AA'],
    ],
  },
  {
    text: 'Refund to DE89 3704 0044 0532 0130 00 or to my card 5555555555554444',
    pii: [
      ['iban', 'DE89 3704 0044 0532 0130 00'],
      ['card', '5555555555554444'],
    ],
  },
  {
    text: 'I’m on 07911 123456, or my wife on 07700 900456',
    pii: [
      ['phone', '07911 123456'],
      ['phone', '07700 900456'],
    ],
  },
  { text: 'call 4155550123 anytime', pii: [['phone', '4155550123']] },
  { text: 'My phone number: 07700900999', pii: [['phone', '07700900999']] },
  {
    text: 'Contact: sam@shop.example, 1-800? no, +1 (800) 555-0100',
    pii: [
      ['email', 'sam@shop.example'],
      ['phone', '+1 (800) 555-0100'],
    ],
  },
  {
    text: 'live at 12 high street, postcode m1 1ae',
    pii: [
      ['address', '12 high street'],
      ['postcode', 'm1 1ae'],
    ],
  },
  {
    text: 'we are at 9 Willow Close, Leeds LS6 2AB',
    pii: [
      ['address', '9 Willow Close'],
      ['postcode', 'LS6 2AB'],
    ],
  },
  { text: 'the card is 3782 822463 10005', pii: [['card', '3782 822463 10005']] },
  { text: 'send it to 77 Sunset Blvd. Los Angeles', pii: [['address', '77 Sunset Blvd.']] },
  {
    text: 'My details: Jane Roe, 4 Privet Drive, jane.roe@example.net, 01632 960001',
    pii: [
      ['name', 'Jane Roe'],
      ['address', '4 Privet Drive'],
      ['email', 'jane.roe@example.net'],
      ['phone', '01632 960001'],
    ],
  },
  {
    text: 'SSN 078-05-1120 and DOB 04/12/1961',
    pii: [
      ['national-id', '078-05-1120'],
      ['date-of-birth', '04/12/1961'],
    ],
  },
  {
    text: 'hi its Tom, tom.baker@example.co.uk, order 55123',
    pii: [
      ['name', 'Tom'],
      ['email', 'tom.baker@example.co.uk'],
    ],
  },
  { text: 'Can you update my number to +353 87 123 4567?', pii: [['phone', '+353 87 123 4567']] },
  {
    text: 'phone: (312) 555 0188, zip code 60601',
    pii: [
      ['phone', '(312) 555 0188'],
      ['postcode', '60601'],
    ],
  },
  { text: 'I paid with 4000 0566 5566 5556 on 12/03', pii: [['card', '4000 0566 5566 5556']] },
  {
    text: 'both cards: 4242 4242 4242 4242 and 5105 1051 0510 5100',
    pii: [
      ['card', '4242 4242 4242 4242'],
      ['card', '5105 1051 0510 5100'],
    ],
  },
  {
    text: 'my new address is 55 Cherry Tree Lane, Bristol BS1 4DJ',
    pii: [
      ['address', '55 Cherry Tree Lane'],
      ['postcode', 'BS1 4DJ'],
    ],
  },
  {
    text: 'ship to 1 Infinite Way, Cupertino, CA 95014',
    pii: [
      ['address', '1 Infinite Way'],
      ['postcode', '95014'],
    ],
  },
  {
    text: 'please use IBAN NL91 ABNA 0417 1643 00 for the refund of €45.00',
    pii: [['iban', 'NL91 ABNA 0417 1643 00']],
  },
  {
    text: 'SSN is 219-09-9999, DOB 1970',
    pii: [
      ['national-id', '219-09-9999'],
      ['date-of-birth', '1970'],
    ],
  },
  {
    text: 'reach me on 0117 496 0123 or m.jones@example.com',
    pii: [
      ['phone', '0117 496 0123'],
      ['email', 'm.jones@example.com'],
    ],
  },
  { text: 'we are at 20 Park Avenue', pii: [['address', '20 Park Avenue']] },
  {
    text: 'deliver to 14 Rue de Rivoli? no, 14 Kings Road',
    pii: [
      ['address', '14 Rue de Rivoli'],
      ['address', '14 Kings Road'],
    ],
  },
  { text: 'Post code is EH1 1YZ', pii: [['postcode', 'EH1 1YZ']] },
  { text: 'My NI number is AB 12 34 56 D', pii: [['national-id', 'AB 12 34 56 D']] },
  {
    text: 'email: support.request@company.example.com',
    pii: [['email', 'support.request@company.example.com']],
  },
  { text: 'the card on file 6011000990139424 is expired', pii: [['card', '6011000990139424']] },
  { text: 'my mobile number is 07123456789', pii: [['phone', '07123456789']] },
  { text: 'call +61 2 9374 4000', pii: [['phone', '+61 2 9374 4000']] },
  {
    text: 'the office is 600 Congress Ave, Austin, TX 78701',
    pii: [
      ['address', '600 Congress Ave'],
      ['postcode', '78701'],
    ],
  },
  { text: 'IBAN GB33BUKB20201555555555 thanks', pii: [['iban', 'GB33BUKB20201555555555']] },
];

const negatives: readonly string[] = [
  'my order number is 4829301755',
  'order #1234567890123456 still not here',
  'Order 112-7788990-1234567 from Amazon',
  'tracking number 1Z999AA10123456784',
  'the tracking code is JD014600006281244321',
  'it cost $1,249.99 on sale',
  'I was charged £45.00 twice',
  'the total was 12345.67 EUR',
  'they took 10000 dollars from my savings',
  'on 2024-05-12 at 14:30',
  'the meeting is at 10:45 on 12/05/2024',
  'since 01.02.2023',
  'version 10.2.1 of the app crashes',
  'I updated to iOS 17.4.1 yesterday',
  'firmware 2.13.40 build 55512',
  'invoice INV-2024-00451',
  'ticket 5551234 was closed',
  'reference 20240512 please',
  'case number 10293847',
  'account number 12345678',
  'my account is 4111111111111112',
  'serial number SN-4492-AX-2281',
  'I have 3 items on the way',
  'it took 25 minutes on the road',
  'I drove 5 miles down the road',
  'room 101 on the second floor',
  'I waited 90210 seconds, joking',
  'the model is XPS 9310',
  'error code 0x80070005',
  'error 500 when I pay',
  'we have 12000 points on the card',
  'flight BA2490 on Monday',
  'the promo code SAVE20 did not apply',
  'I paid 49.99 for 12 months',
  'the box said 250ml',
  'part number 0123-4567-89',
  'between 9am and 5pm please',
  'my plan is the 50GB one',
  'Windows 11 22H2',
  'the package weighs 2.5 kg',
  'I ordered 2 on 3 March',
  'It says 404 not found',
  'the IBAN field shows GB00 0000 0000 0000 0000 00',
  'my card ends in 4242',
  'last four digits 1111',
  'I called 3 times today',
  'about 15 days ago',
  'the router model is AX1800',
  'the update KB5034441 failed',
  'the total came to 1 234 567',
  'order 2024 0512 3344 5566 never came',
  'I bought it for 19,99 €',
  'batch 99887 was recalled',
  'the code was 482913',
  'password reset code 550132',
  'my membership id is M-009812',
  'on the 5th street corner? no idea',
  'I live on the first floor',
  'the M25 was closed',
  'A1 road was busy',
  'PO number 4500012345',
  'Chapter 11 filing, page 12',
  'room temperature 21.5C',
  'we need 3 more days',
  'SKU 12345-RED-XL',
  'I have had it since 1998',
  'uk sizes 10 12 14',
  'API v2.0.13 returns 401',
  'shipment 12345 arrived',
  'the 2 st. items',
  'my claim CLM-55123-2024',
  'it is the 123 45 model',
  'the bill for 100.00 and 20.00',
  'Call back at 3:15 pm',
  'ISO 9001 certified',
  'quote Q-10002345',
  'my locker 23-45-6789X',
  'hi there, anything new with my refund?',
  'thank you so much for your help',
  'can you check order 784512 for me',
  'the price went from 29.99 to 34.99',
  'order ref A1B2C3D4E5',
  'I upgraded from version 3.14159 to 3.2',
  'the parcel id 00340434161234567890',
  'tracking 9400111899223857268499',
  'It was delivered at 07:45 on 2024-11-30',
  'my order 7700 900123 4455 is late',
  'we spent 1500 pounds',
  'the receipt says 0043 2211 9988',
  'model number SM-G991B',
  'call center hours 8-20',
  'I need 2 x 500g bags',
  'receipt 12-345-6789-00',
  'gift card 6000 points',
  'the year 2023 was bad',
  'it is 60614 steps away, lol',
  'the invoice total 4,111.11',
  'channel 5 at 21:00',
  'my booking 4ZK9QX',
  'sort by 10/20/30',
  'booking ref 123456789',
  'the ticket price was 1.200,00 €',
  'build 22621.2861 is installed',
  'track 1Z12345E0205271688',
  'size 38 in the 2 st style',
];

/** Every case: generated positives, mixed real-world ones, and hard negatives. */
export const PII_CASES: readonly PiiCase[] = [
  ...generated,
  ...mixed,
  ...negatives.map((text) => ({ text, pii: [] })),
];

/** The expected spans of a case (each substring searched after the previous one). */
export function expectedSpans(c: PiiCase): PiiSpan[] {
  let from = 0;
  return c.pii.map(([kind, value]) => {
    const start = c.text.indexOf(value, from);
    if (start < 0) throw new Error(`case "${c.text}" lacks "${value}"`);
    from = start + value.length;
    return { start, end: from, kind };
  });
}
