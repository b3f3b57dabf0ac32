/**
 * Common given names across the languages contact centres serve (English, French, German,
 * Spanish, Portuguese, Italian, Dutch, Nordic, Polish, Irish, Indian, Arabic, Chinese, Japanese,
 * Korean, Vietnamese, African): the name detector accepts a word after a weak cue ("I'm",
 * "this is", "hi") only when it is one of these. Lower case; a name that is also a common
 * English word is in `WORD_NAMES` and must be capitalised to count.
 */
const LIST = `
aaron abdul abdullah abigail abraham adam adrian adriana agnes ahmed aisha alan albert alberto
alejandro aleksandra alex alexander alexandra alexis alfie alfred ali alice alicia alina alison
amanda amelia amir amit amy ana anders andrea andreas andrew andrzej andy angela angelo anika anita
ann anna anne annette anthony antoine antonio anya arjun arnaud arthur ashley astrid aurelie ava
axel ayesha barbara barry beatrice beatriz ben benjamin bernard bernd beth bethany bianca birgit
bjorn blake bob boris brandon brenda brian bridget bruno bryan camila camille carl carla carlos
carmen carol caroline carolyn carsten catherine cathy cecile celine charles charlie charlotte chen
chiara chloe chris christian christina christine christophe christopher claire clara claudia
colin connor craig cristina daniel daniela danielle daniele darren dave david davide deborah
deepak denise dennis derek diana diane diego dimitri dirk dmitri dominic dominik donald donna
doris dorothy douglas dylan eamon edward eileen elena eleanor elias elif elisa elizabeth ella
ellen emily emma emmanuel enrique eric erik erika ernesto esther ethan eva evan fabian fabio
fatima felix fernando filip fiona florian francesca francesco francis francisco frank franz
freddie frederik gabriel gabriela gareth gary gavin georg george georgia gerald gerard gianluca
gillian giorgio giovanni giulia giuseppe gordon graham greg gregory guillaume gustavo hamza hana
hannah hans harry harvey hassan heather hector heidi helen helena henrik henry hiroshi hugo hussein
ian ibrahim ida ines ingrid irene isaac isabel isabella isabelle ivan jack jacob jacqueline jakob
james jamie jan jane janet janine jason javier jean jeff jeffrey jennifer jens jeremy jessica jim
jo joan joanna joao joe joel johan johann johannes john jon jonas jonathan jordan jorge jose josef
joseph josephine joshua juan judith julia julian julie julien jurgen justin kai karen karim
karin karl kasia kate katharina katherine kathleen kathryn katie kelly ken kenji kevin kim kirsty
klaus krishna kristina krzysztof kumar lara laura lauren laurent lea leah lena leo leon leonardo
lewis liam lina linda lisa liz lorenzo louis louise luca lucas lucia lucy luis luka lukas luke
lydia magdalena maja manon manuel marc marcel marco marcus margaret maria mariana marie marina
mario marion marta martin martina mary mateo mathieu matilda matteo matthew matthias maurice max
maxime maya megan mehmet mei melanie melissa mia michael michaela michal michel michelle miguel
mikael mike milan mohamed mohammad mohammed monica monika muhammad nadia naomi natalia natalie
nathan neil nicola nicolas nicole niels nikhil nikita nina noah noel noemi nora oliver olivia
omar oscar owen pablo paolo patricia patrick paul paula pauline pedro peter petra philip philippe
pierre pietro piotr pooja priya rachel rafael rahul raj rajesh ramon raphael rebecca renata rene
ricardo richard rita robert roberta roberto robin rohan roman rosa ross ruth ryan sabine sabrina
sadia sahil sally sam samantha samira samuel sandra sanjay santiago sara sarah sebastian sergio
shane sharon sheila simon simone siobhan sofia sophie stefan stefanie stella stephanie stephen
steve steven sunil susan susanne sven tamara tanja tara teresa thomas tim timothy tobias tom
tomas tony tracy ulrike valentina valerie vanessa vera veronica victor victoria vikram vincent
virginia vivek walter wei wendy william wolfgang xavier yan yasmin yuki yusuf yvonne zainab
zoe zofia
`;

/** Names that are also everyday English words: they count only when written with a capital. */
export const WORD_NAMES: ReadonlySet<string> = new Set(
  `
  amber april art august bill bob candy carol charity chase chip dawn dean destiny eve faith frank
  grace guy hope iris ivy jack jade jay jewel joy june ken kit lane lily mark may melody miles
  nick olive pat patience pearl penny rich river robin rose ruby rusty sandy sky summer sue
  tank teddy will winter
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** Every listed given name, lower case (the word names included). */
export const FIRST_NAMES: ReadonlySet<string> = new Set([
  ...LIST.split(/\s+/).filter(Boolean),
  ...WORD_NAMES,
]);
