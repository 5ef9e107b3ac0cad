import type { ApolloCache, Reference } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { discussionLimits } from '@hub/shared';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { ForumCategoryAdmin_CategoryFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { FormField } from '../../ui/FormField';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { discussionPaths } from './discussionPaths';
import './discussions.css';

export const ForumCategoryAdminFragment = graphql(`
  fragment ForumCategoryAdmin_category on ForumCategory {
    id
    name
    description
    position
    archived
  }
`);

export const ForumCategoriesPageQuery = graphql(`
  query ForumCategoriesPage {
    viewerCanManageForumCategories
    forumCategories {
      ...ForumCategoryAdmin_category
    }
    archivedForumCategories: forumCategories(archived: true) {
      ...ForumCategoryAdmin_category
    }
  }
`);

const SaveForumCategoryMutation = graphql(`
  mutation SaveForumCategory($input: ForumCategoryInput!) {
    saveForumCategory(input: $input) {
      category {
        ...ForumCategoryAdmin_category
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type Category = ForumCategoryAdmin_CategoryFragment;

const byPosition = (a: Category, b: Category) =>
  a.position - b.position || a.name.localeCompare(b.name, 'de');

/**
 * Puts a saved category into the cached lists of active and archived categories (the forum list
 * on the discussions page reads the active one), in the order the API gives them.
 */
function placeInLists(cache: ApolloCache, saved: Category): void {
  const reference = cache.identify(saved);
  if (!reference) return;
  cache.modify({
    fields: {
      forumCategories(existing: readonly Reference[] = [], { storeFieldName, readField, toReference }) {
        const archivedList = storeFieldName.includes('"archived":true');
        const others = existing.filter((item) => readField('id', item) !== saved.id);
        if (saved.archived !== archivedList) return others;
        const entries = [...others, toReference(reference) as Reference];
        return entries
          .map((item) => ({
            item,
            category: {
              id: readField<string>('id', item) ?? '',
              name: readField<string>('name', item) ?? '',
              position: readField<number>('position', item) ?? 0,
            } as Category,
          }))
          .sort((a, b) => byPosition(a.category, b.category))
          .map(({ item }) => item);
      },
    },
  });
}

const FIELDS = { name: 'name', description: 'description', position: 'position' } as const;

/** One category's form: creates a category (without `category`) or renames, describes and reorders one. */
function CategoryForm({
  category,
  labelledBy,
}: {
  category?: Category;
  /** The heading that names the form when it has none of its own (the new category's section). */
  labelledBy?: string;
}) {
  const t = useT();
  const formId = useId();
  const ids = {
    name: `${formId}-name`,
    description: `${formId}-description`,
    position: `${formId}-position`,
  };
  const [name, setName] = useState(category?.name ?? '');
  const [description, setDescription] = useState(category?.description ?? '');
  const [position, setPosition] = useState(String(category?.position ?? 0));
  const [status, setStatus] = useState('');
  const errors = useFormErrors<keyof typeof FIELDS>(ids, 'discussions');
  const [save, saving] = useMutation(SaveForumCategoryMutation, {
    update(cache, { data }) {
      const saved = data?.saveForumCategory.category;
      if (saved) placeInLists(cache, saved);
    },
  });

  const send = async (archived?: boolean) => {
    setStatus('');
    const trimmed = name.trim();
    const found = {
      fields: {
        ...(trimmed.length < discussionLimits.categoryName.minLength
          ? {
              name: (tr: typeof t) =>
                tr('discussions.categories.nameTooShort', { min: discussionLimits.categoryName.minLength }),
            }
          : {}),
        ...(/^\d{1,4}$/.test(position.trim())
          ? {}
          : { position: (tr: typeof t) => tr('discussions.categories.positionInvalid') }),
      },
      form: [],
    };
    if (!errors.check(found)) return;
    try {
      const result = await save({
        variables: {
          input: {
            id: category?.id,
            name: trimmed,
            description,
            position: Number(position),
            archived: archived ?? category?.archived ?? false,
          },
        },
      });
      const payload = result.data?.saveForumCategory;
      if (payload?.userErrors.length) errors.showUserErrors(payload.userErrors);
      else if (payload?.category) {
        setStatus(t('discussions.categories.saved', { name: payload.category.name }));
        if (!category) {
          setName('');
          setDescription('');
          setPosition('0');
        }
      }
    } catch (error) {
      errors.showRequestError(error);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="hub-category-form"
      aria-labelledby={labelledBy ?? `${formId}-heading`}
    >
      {category ? (
        <h3 className="kern-heading-small" id={`${formId}-heading`}>
          {category.name}
        </h3>
      ) : null}
      <ErrorSummary {...errors.summary} />
      <TextField
        id={ids.name}
        label={t('discussions.categories.name')}
        value={name}
        maxLength={discussionLimits.categoryName.maxLength}
        onChange={(value) => {
          setName(value);
          errors.fieldChanged('name');
        }}
        error={errors.errorOf('name')}
      />
      <TextField
        id={ids.description}
        label={t('discussions.categories.description')}
        value={description}
        required={false}
        maxLength={discussionLimits.categoryDescription.maxLength}
        onChange={(value) => {
          setDescription(value);
          errors.fieldChanged('description');
        }}
        error={errors.errorOf('description')}
      />
      <FormField
        id={ids.position}
        label={t('discussions.categories.position')}
        hint={t('discussions.categories.positionHint')}
        error={errors.errorOf('position')}
      >
        {(aria) => (
          <input
            className={`kern-form-input__input hub-category-form__position${errors.errorOf('position') ? ' kern-form-input__input--error' : ''}`}
            id={ids.position}
            type="number"
            min={0}
            max={1000}
            inputMode="numeric"
            value={position}
            onChange={(event) => {
              setPosition(event.target.value);
              errors.fieldChanged('position');
            }}
            {...aria}
          />
        )}
      </FormField>
      <div className="hub-form__actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={saving.loading}>
          <span className="kern-label">
            {category ? t('discussions.categories.save') : t('discussions.categories.create')}
          </span>
        </button>
        {category ? (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={saving.loading}
            onClick={() => void send(!category.archived)}
          >
            <span className="kern-label">
              {category.archived ? t('discussions.categories.restore') : t('discussions.categories.archive')}
            </span>
          </button>
        ) : null}
      </div>
      <p className="kern-body kern-body--small" role="status">
        {status}
      </p>
    </form>
  );
}

/** Coordinators manage the forum's categories: create, rename, describe, reorder, archive and restore. */
export function ForumCategoriesPage() {
  const t = useT();
  const { data, loading } = useQuery(ForumCategoriesPageQuery);
  if (loading && !data) return <LoadingIndicator />;
  if (!data?.viewerCanManageForumCategories)
    return (
      <Page title={t('discussions.categories.title')}>
        <p className="kern-body">{t('discussions.categories.notAllowed')}</p>
      </Page>
    );
  return (
    <Page title={t('discussions.categories.title')}>
      <p className="kern-body">{t('discussions.categories.intro')}</p>
      <p className="kern-body">
        <Link to={discussionPaths.list}>{t('discussions.backToList')}</Link>
      </p>
      <section aria-labelledby="categories-new" className="hub-category-section">
        <h2 className="kern-heading-medium" id="categories-new">
          {t('discussions.categories.new')}
        </h2>
        <CategoryForm labelledBy="categories-new" />
      </section>
      <section aria-labelledby="categories-active" className="hub-category-section">
        <h2 className="kern-heading-medium" id="categories-active">
          {t('discussions.categories.active')}
        </h2>
        {data.forumCategories.length ? (
          <ul className="hub-category-list">
            {data.forumCategories.map((category) => (
              <li key={`${category.id}-${category.archived}`}>
                <CategoryForm category={category} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="kern-body">{t('discussions.categories.none')}</p>
        )}
      </section>
      <section aria-labelledby="categories-archived" className="hub-category-section">
        <h2 className="kern-heading-medium" id="categories-archived">
          {t('discussions.categories.archived')}
        </h2>
        {data.archivedForumCategories.length ? (
          <ul className="hub-category-list">
            {data.archivedForumCategories.map((category) => (
              <li key={`${category.id}-${category.archived}`}>
                <CategoryForm category={category} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="kern-body">{t('discussions.categories.noneArchived')}</p>
        )}
      </section>
    </Page>
  );
}
