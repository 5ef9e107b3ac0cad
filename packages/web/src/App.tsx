import { ApolloProvider } from '@apollo/client/react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { createApolloClient } from './apollo';
import { I18nProvider } from './i18n';
import { routes } from './routes';

const client = createApolloClient();
const router = createBrowserRouter(routes);

export function App() {
  return (
    <I18nProvider>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </I18nProvider>
  );
}
