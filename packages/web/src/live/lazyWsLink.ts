import { ApolloLink } from '@apollo/client';
import { Observable } from 'rxjs';

/**
 * Subscriptions' link, loaded with its WebSocket client on the first subscription: pages without
 * live updates never download it.
 */
export class LazyWsLink extends ApolloLink {
  private link: Promise<ApolloLink> | null = null;

  request(
    operation: ApolloLink.Operation,
    forward: ApolloLink.ForwardFunction,
  ): Observable<ApolloLink.Result> {
    this.link ??= import('./wsLink').then(({ createWsLink }) => createWsLink());
    const loading = this.link;
    return new Observable<ApolloLink.Result>((observer) => {
      let subscription: { unsubscribe(): void } | null = null;
      let closed = false;
      loading.then(
        (link) => {
          if (closed) return;
          subscription = link.request(operation, forward).subscribe(observer);
        },
        (error: unknown) => observer.error(error),
      );
      return () => {
        closed = true;
        subscription?.unsubscribe();
      };
    });
  }
}
