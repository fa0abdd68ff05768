import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The tab's title: the screen's name only, never survivor data (it lands in history and bookmarks). */
export function usePageTitle(screen: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${screen} · ${t('app.name')}`;
  }, [screen, t]);
}
