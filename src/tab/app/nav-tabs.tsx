import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { navigate, routeLabels, type Route } from './routes';

const useStyles = makeStyles({
  nav: {
    overflowX: 'auto',
    paddingInline: tokens.spacingHorizontalM,
    '@media (max-width: 600px)': { paddingInline: 0 },
  },
});

/** The page tabs: arrow keys move between them, Enter or Space opens one. */
export function NavTabs({ routes, current }: { routes: readonly Route[]; current: Route }) {
  const styles = useStyles();
  return (
    <nav aria-label="Mutual pages" className={styles.nav}>
      <TabList
        selectedValue={current}
        onTabSelect={(_event, data) => navigate(data.value as Route)}
        size="medium"
      >
        {routes.map((route) => (
          <Tab key={route} value={route}>
            {routeLabels[route]}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}
