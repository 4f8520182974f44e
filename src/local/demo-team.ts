import type { RosterEntry, Skill } from '../core/team/member';
import type { TeamRef } from '../core/team/team';

/** The demo tenant and team that local mode seeds on first start. */
export const DEMO_TEAM: TeamRef & { name: string } = {
  tenantId: '7d5c8b1e-4a2f-4e6b-9c31-5f0d2a9e8b41',
  teamId: '19:demo-mutual-team@thread.tacv2',
  name: 'Northwind Product Team',
};

export interface DemoPerson extends RosterEntry {
  department: string;
  teaches: Skill[];
  learns: Skill[];
}

const s = (name: string, level: Skill['level'] = 'intermediate'): Skill => ({ name, level });

/** About a dozen people across departments, with skills that complement each other. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    userId: 'a1000000-0000-4000-8000-000000000001',
    name: 'Ana Souza',
    email: 'ana.souza@northwind.example',
    botUserId: '29:demo-ana',
    role: 'owner',
    department: 'Engineering',
    teaches: [s('SQL', 'expert'), s('Code review')],
    learns: [s('Design reviews', 'beginner'), s('Public speaking', 'beginner')],
  },
  {
    userId: 'a1000000-0000-4000-8000-000000000002',
    name: 'Ben Okafor',
    email: 'ben.okafor@northwind.example',
    botUserId: '29:demo-ben',
    department: 'Design',
    teaches: [s('Design reviews', 'expert'), s('Figma')],
    learns: [s('SQL', 'beginner')],
  },
  {
    userId: 'a1000000-0000-4000-8000-000000000003',
    name: 'Chen Wei',
    email: 'chen.wei@northwind.example',
    botUserId: '29:demo-chen',
    department: 'Engineering',
    teaches: [s('TypeScript', 'expert'), s('Testing')],
    learns: [s('Data visualisation', 'beginner')],
  },
  {
    userId: 'a1000000-0000-4000-8000-000000000004',
    name: 'Dana Levi',
    email: 'dana.levi@northwind.example',
    botUserId: '29:demo-dana',
    department: 'Data',
    teaches: [s('Data visualisation', 'expert'), s('Python')],
    learns: [s('TypeScript', 'beginner')],
  },
  {
    userId: 'a1000000-0000-4000-8000-000000000005',
    name: 'Emeka Nwosu',
    email: 'emeka.nwosu@northwind.example',
    botUserId: '29:demo-emeka',
    department: 'Product',
    teaches: [s('Roadmapping'), s('Public speaking', 'expert')],
    learns: [s('Testing', 'beginner')],
  },
  {
    userId: 'a1000000-0000-4000-8000-000000000006',
    name: 'Fatima Rahman',
    email: 'fatima.rahman@northwind.example',
    botUserId: '29:demo-fatima',
    department: 'Engineering',
    teaches: [s('Kubernetes', 'expert'), s('Incident response')],
    learns: [s('Roadmapping', 'beginner')],
  },
  {
    userId: 'a1000000-0000-4000-8000-000000000007',
    name: 'Gustav Berg',
    email: 'gustav.berg@northwind.example',
    botUserId: '29:demo-gustav',
    department: 'Support',
    teaches: [s('Customer interviews', 'expert')],
    learns: [s('Kubernetes', 'beginner'), s('SQL', 'beginner')],
  },
  {
    userId: 'a1000000-0000-4000-8000-000000000008',
    name: 'Hana Sato',
    email: 'hana.sato@northwind.example',
    botUserId: '29:demo-hana',
    department: 'Design',
    teaches: [s('Accessibility', 'expert'), s('User research')],
    learns: [s('Python', 'beginner')],
  },
  {
    userId: 'a1000000-0000-4000-8000-000000000009',
    name: 'Ivan Petrov',
    email: 'ivan.petrov@northwind.example',
    botUserId: '29:demo-ivan',
    department: 'Data',
    teaches: [s('Statistics', 'expert'), s('SQL')],
    learns: [s('Accessibility', 'beginner')],
  },
  {
    userId: 'a1000000-0000-4000-8000-00000000000a',
    name: 'Julia Costa',
    email: 'julia.costa@northwind.example',
    botUserId: '29:demo-julia',
    department: 'Marketing',
    teaches: [s('Copywriting', 'expert'), s('Public speaking')],
    learns: [s('Statistics', 'beginner'), s('User research', 'beginner')],
  },
  {
    userId: 'a1000000-0000-4000-8000-00000000000b',
    name: 'Kofi Mensah',
    email: 'kofi.mensah@northwind.example',
    botUserId: '29:demo-kofi',
    department: 'Support',
    teaches: [s('Incident response', 'expert')],
    learns: [s('Copywriting', 'beginner'), s('Code review', 'beginner')],
  },
  {
    userId: 'a1000000-0000-4000-8000-00000000000c',
    name: 'Lena Fischer',
    email: 'lena.fischer@northwind.example',
    botUserId: '29:demo-lena',
    department: 'Product',
    teaches: [s('User research'), s('Roadmapping', 'expert')],
    learns: [s('Figma', 'beginner')],
  },
];

export const DEMO_OWNER = DEMO_PEOPLE[0]!;

/** The demo team's channels, as Teams lists them: General (the team's own id) first. */
export const DEMO_CHANNELS = [
  { id: DEMO_TEAM.teamId, name: 'General' },
  { id: '19:demo-help-desk@thread.tacv2', name: 'Help desk' },
  { id: '19:demo-engineering@thread.tacv2', name: 'Engineering' },
] as const;

/** Messages the sandbox offers for "Ask for help", as if posted in the team's channel. */
export const SAMPLE_MESSAGES = [
  {
    id: '1700000000001',
    authorId: DEMO_PEOPLE[6]!.userId,
    authorName: DEMO_PEOPLE[6]!.name,
    text: 'The nightly export to the data warehouse has failed three nights running and the retry job times out after 20 minutes. Has anyone seen this before?',
  },
  {
    id: '1700000000002',
    authorId: DEMO_PEOPLE[1]!.userId,
    authorName: DEMO_PEOPLE[1]!.name,
    text: 'I need to turn the churn numbers into a chart for Thursday and I am not sure which query gives monthly cohorts.',
  },
  {
    id: '1700000000003',
    authorId: DEMO_PEOPLE[9]!.userId,
    authorName: DEMO_PEOPLE[9]!.name,
    text: 'Our launch page fails the contrast check on the hero banner. Could someone who knows accessibility take a look?',
  },
] as const;
