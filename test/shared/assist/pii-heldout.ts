/**
 * A held-out PII set: 70 realistic contact-centre messages (chat and transcribed speech, from
 * several countries) written after the detectors of issue 16 were finished and committed,
 * labelled for every kind `redact` claims, without looking at what the detectors find. It
 * measures them; it must not be used to tune them. Labels are the personal data a careful
 * reader would mask: people's names (customers and staff), numbers a person can be reached
 * on, addresses and postcodes, dates of birth, card, bank and national numbers.
 */
import type { PiiCase } from './pii-cases';

export const PII_HELDOUT: readonly PiiCase[] = [
  {
    text: "hi, I'm Laura Bennett, I ordered a lamp on 3 March and it still hasn't come",
    pii: [['name', 'Laura Bennett']],
  },
  { text: "my phone number changed, it's now 07811 204 998", pii: [['phone', '07811 204 998']] },
  {
    text: 'Bonjour, je m’appelle Camille Durand, mon numéro est le 07 81 22 45 90',
    pii: [
      ['name', 'Camille Durand'],
      ['phone', '07 81 22 45 90'],
    ],
  },
  {
    text: 'please send the replacement to 18 avenue Jean Jaurès, 69007 Lyon',
    pii: [
      ['address', '18 avenue Jean Jaurès'],
      ['postcode', '69007'],
    ],
  },
  { text: 'order 55123890 was charged twice, £34.99 each time', pii: [] },
  {
    text: 'can you email the invoice to peter dot walsh at yahoo dot co dot uk',
    pii: [['email', 'peter dot walsh at yahoo dot co dot uk']],
  },
  { text: 'The card I used is 4539 1488 0343 6467', pii: [['card', '4539 1488 0343 6467']] },
  {
    text: 'My date of birth is 15/07/1988 if you need it for security',
    pii: [['date-of-birth', '15/07/1988']],
  },
  { text: 'tracking says 1Z84X9260312345678 delivered but nothing here', pii: [] },
  {
    text: 'I live at Schillerstraße 22, 60313 Frankfurt am Main',
    pii: [
      ['address', 'Schillerstraße 22'],
      ['postcode', '60313'],
    ],
  },
  { text: 'Hello this is Daniel, calling back about ticket 448812', pii: [['name', 'Daniel']] },
  { text: 'call me on +44 7911 456 789 after 6pm', pii: [['phone', '+44 7911 456 789']] },
  {
    text: 'my IBAN is FR76 3000 6000 0112 3456 7890 189',
    pii: [['iban', 'FR76 3000 6000 0112 3456 7890 189']],
  },
  {
    text: 'hi there, my wife Anna ordered it under her name, Anna Kowalski',
    pii: [
      ['name', 'Anna'],
      ['name', 'Anna Kowalski'],
    ],
  },
  { text: 'postcode is G2 3QB, Glasgow', pii: [['postcode', 'G2 3QB']] },
  {
    text: 'The parcel should go to 42 Oxford Road, Manchester M13 9PL',
    pii: [
      ['address', '42 Oxford Road'],
      ['postcode', 'M13 9PL'],
    ],
  },
  { text: 'i paid 129,90 € on 12.11.2024 and got nothing', pii: [] },
  { text: 'my number is 0176 23456789', pii: [['phone', '0176 23456789']] },
  { text: "Thanks Jürgen, I'll wait for the email", pii: [['name', 'Jürgen']] },
  {
    text: 'SSN 521-44-7831, DOB March 3 1979',
    pii: [
      ['national-id', '521-44-7831'],
      ['date-of-birth', 'March 3 1979'],
    ],
  },
  {
    text: 'can you change the delivery address to Calle de Alcalá 45, 28014 Madrid',
    pii: [
      ['address', 'Calle de Alcalá 45'],
      ['postcode', '28014'],
    ],
  },
  { text: 'email is m.rossi1984@libero.it', pii: [['email', 'm.rossi1984@libero.it']] },
  { text: "order number 8812-4471-9903 hasn't shipped", pii: [] },
  {
    text: "Hi, Siobhan O'Connor here, my broadband is down again",
    pii: [['name', "Siobhan O'Connor"]],
  },
  { text: 'my landline is (03) 9123 4567', pii: [['phone', '(03) 9123 4567']] },
  { text: "Can I speak to a manager? This is the fourth time I've called.", pii: [] },
  { text: 'the account holder is Mr. Hiroshi Tanaka', pii: [['name', 'Hiroshi Tanaka']] },
  {
    text: 'mobile: 06 98 76 54 32, email lea.martin@orange.fr',
    pii: [
      ['phone', '06 98 76 54 32'],
      ['email', 'lea.martin@orange.fr'],
    ],
  },
  { text: 'I want a refund of $89.99 for order #A7731', pii: [] },
  {
    text: 'my address: Keizersgracht 123, 1015 CJ Amsterdam',
    pii: [
      ['address', 'Keizersgracht 123'],
      ['postcode', '1015 CJ'],
    ],
  },
  { text: 'NI number JT 45 78 21 B', pii: [['national-id', 'JT 45 78 21 B']] },
  {
    text: 'birthday 02/09/1993, postcode BS8 1TH',
    pii: [
      ['date-of-birth', '02/09/1993'],
      ['postcode', 'BS8 1TH'],
    ],
  },
  {
    text: 'ciao, sono Giulia Bianchi, il mio numero è 347 812 3456',
    pii: [
      ['name', 'Giulia Bianchi'],
      ['phone', '347 812 3456'],
    ],
  },
  {
    text: 'my email address is d.nguyen at outlook dot com',
    pii: [['email', 'd.nguyen at outlook dot com']],
  },
  { text: 'the driver left it at number 7, not 17!', pii: [] },
  { text: "I'm Ahmed, my card ending 4421 was declined", pii: [['name', 'Ahmed']] },
  {
    text: 'Please update the billing address to 250 King Street West, Toronto',
    pii: [['address', '250 King Street West']],
  },
  { text: 'the code on the box is 5012345678900 (barcode)', pii: [] },
  { text: 'reach me at +49 160 9876 5432', pii: [['phone', '+49 160 9876 5432']] },
  {
    text: 'Kontonummer / IBAN: DE44 5001 0517 5407 3249 31',
    pii: [['iban', 'DE44 5001 0517 5407 3249 31']],
  },
  {
    text: 'please cancel, my name is Olga Petrova and I no longer live at Lenina 12',
    pii: [
      ['name', 'Olga Petrova'],
      ['address', 'Lenina 12'],
    ],
  },
  {
    text: 'I got a text from 0800 123 4567 about my parcel, is that you?',
    pii: [['phone', '0800 123 4567']],
  },
  {
    text: 'the refund of 450 euros went to my card 5425 2334 3010 9903',
    pii: [['card', '5425 2334 3010 9903']],
  },
  { text: 'Hi Mrs Patel, thanks for waiting', pii: [['name', 'Patel']] },
  {
    text: 'I moved! new address is Flat 3, 27 Clarence Gardens, Brighton BN1 2EG',
    pii: [
      ['address', '27 Clarence Gardens'],
      ['postcode', 'BN1 2EG'],
    ],
  },
  {
    text: 'my customer id is CUST-009912 and dob 1990-04-21',
    pii: [['date-of-birth', '1990-04-21']],
  },
  {
    text: 'can you call my husband instead, Mark, on 0412 998 776',
    pii: [
      ['name', 'Mark'],
      ['phone', '0412 998 776'],
    ],
  },
  { text: 'server error 503 when I try to pay 29.99', pii: [] },
  { text: 'my e-mail: sofia_garcia92@hotmail.es', pii: [['email', 'sofia_garcia92@hotmail.es']] },
  { text: 'yes the postal code is 2000 Antwerpen', pii: [['postcode', '2000']] },
  {
    text: "I'm writing on behalf of my father, Robert Hughes, born 14 June 1941",
    pii: [
      ['name', 'Robert Hughes'],
      ['date-of-birth', '14 June 1941'],
    ],
  },
  { text: 'delivery was scheduled for 14 June between 8:00 and 12:00', pii: [] },
  { text: "my wife's number is 083 456 7890", pii: [['phone', '083 456 7890']] },
  { text: 'Good morning Fatima, your order 77120 is on its way', pii: [['name', 'Fatima']] },
  {
    text: 'send the technician to 9 place Bellecour, Lyon',
    pii: [['address', '9 place Bellecour']],
  },
  { text: 'The last 4 of my SSN are 6789', pii: [] },
  { text: "I'm really annoyed, this is unacceptable", pii: [] },
  {
    text: 'my phone: 555-201-7788, zip 30309',
    pii: [
      ['phone', '555-201-7788'],
      ['postcode', '30309'],
    ],
  },
  { text: 'Referenznummer 2024-118-554, Betrag 59,00 €', pii: [] },
  {
    text: "my name's Kwame Mensah, and my email is kwame.mensah@gmail.com",
    pii: [
      ['name', 'Kwame Mensah'],
      ['email', 'kwame.mensah@gmail.com'],
    ],
  },
  { text: 'via WhatsApp on +34 622 11 33 44 is best', pii: [['phone', '+34 622 11 33 44']] },
  { text: "Grace from billing said you'd call me back", pii: [['name', 'Grace']] },
  {
    text: 'please ship to Piazza Navona 8, 00186 Roma RM',
    pii: [
      ['address', 'Piazza Navona 8'],
      ['postcode', '00186'],
    ],
  },
  { text: 'account ref 4411 2233 5566 7788', pii: [] },
  { text: 'hey its jess, order 1002334 never arrived', pii: [['name', 'jess']] },
  {
    text: 'Could you confirm the date of birth on file? It should be 30.01.1975',
    pii: [['date-of-birth', '30.01.1975']],
  },
  {
    text: 'My IBAN is GB71 BARC 2004 0156 7890 12',
    pii: [['iban', 'GB71 BARC 2004 0156 7890 12']],
  },
  { text: 'postcode D02 XY45 (Dublin)', pii: [['postcode', 'D02 XY45']] },
  { text: 'ok thanks, bye', pii: [] },
  {
    text: 'The courier (DPD) said 10:30-11:30 today, parcel 15501234567890',
    pii: [],
  },
];
