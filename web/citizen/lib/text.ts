/** The visible-character count the API applies to descriptions (shared/schemas/text.ts), live as the citizen types. */
export { visibleLength } from '../../../shared/schemas/text';
