import { mergedCatalog, type Catalog } from './catalog';
import base from './en.json';

/** English, loaded when someone reads the app in English (a chunk of its own: see setupI18n). */
export default mergedCatalog(
  base,
  import.meta.glob<Catalog>('./areas/*.en.json', { eager: true, import: 'default' }),
);
