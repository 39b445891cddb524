/** Every rule's metadata (name, reason, confidence, examples), for documentation and the table-driven tests. */

import { CHAIN_RULES } from '../pipeline/chains.js';
import { COREF_RULES } from '../pipeline/coref.js';
import { PAIR_RULES } from '../pipeline/decide.js';
import { KNOWLEDGE_RULES } from '../pipeline/knowledge.js';
import { TOPIC_STANCE_RULES } from '../pipeline/stance-topics.js';
import type { Rule } from '../rule.js';
import { BODY_RULES } from './bodies.js';
import { CONTACTS_RULES } from './contacts.js';
import { MEMBERSHIP_RULES } from './membership.js';
import { PARTY_RULES } from './party.js';
import { POSITION_RULES } from './position.js';
import { ROLE_RULES } from './roles.js';
import { STANCE_RULES } from './stance.js';

export const ALL_RULES: readonly Rule[] = [
  ...Object.values(ROLE_RULES),
  ...Object.values(POSITION_RULES),
  ...Object.values(BODY_RULES),
  ...Object.values(MEMBERSHIP_RULES),
  ...Object.values(PARTY_RULES),
  ...Object.values(STANCE_RULES),
  ...Object.values(CONTACTS_RULES),
  ...PAIR_RULES,
  ...Object.values(KNOWLEDGE_RULES),
  ...Object.values(TOPIC_STANCE_RULES),
  ...Object.values(COREF_RULES),
  ...Object.values(CHAIN_RULES),
];
