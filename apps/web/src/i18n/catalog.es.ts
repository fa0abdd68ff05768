import { mergedCatalog, type Catalog } from './catalog';
import base from './es.json';

/** Spanish, loaded when someone reads the app in Spanish (a chunk of its own: see setupI18n). */
export default mergedCatalog(
  base,
  import.meta.glob<Catalog>('./areas/*.es.json', { eager: true, import: 'default' }),
);
