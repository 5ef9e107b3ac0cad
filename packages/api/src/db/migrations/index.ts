import type { MigrationInterface } from 'typeorm';
import { Extensions1764000000000 } from './1764000000000-Extensions';
import { Foundation1795671957852 } from './1795671957852-Foundation';
import { AuditAppendOnly1795671960000 } from './1795671960000-AuditAppendOnly';
import { NetworkMembership1795672240334 } from './1795672240334-NetworkMembership';
import { MunicipalitySearch1795672250000 } from './1795672250000-MunicipalitySearch';
import { WorkingGroups1795672512844 } from './1795672512844-WorkingGroups';
import { Projects1795672572202 } from './1795672572202-Projects';
import { ProjectSearch1795672580000 } from './1795672580000-ProjectSearch';
import { Meetings1795672813411 } from './1795672813411-Meetings';
import { MunicipalitySearchFold1795675000000 } from './1795675000000-MunicipalitySearchFold';
import { MinutesRevisionOutcomes1795675881777 } from './1795675881777-MinutesRevisionOutcomes';
import { SearchSynonymsCompounds1795676000000 } from './1795676000000-SearchSynonymsCompounds';
import { MembershipSinceComment1796060730075 } from './1796060730075-MembershipSinceComment';
import { SignInHardeningAndEmailChangeRevert1796060837468 } from './1796060837468-SignInHardeningAndEmailChangeRevert';
import { DomainEvents1796066045923 } from './1796066045923-DomainEvents';
import { PrivacyErasure1796069875727 } from './1796069875727-PrivacyErasure';
import { ProgressReports1796069904884 } from './1796069904884-ProgressReports';
import { ReportHistoryTriggers1796069910000 } from './1796069910000-ReportHistoryTriggers';
import { InlinableFold1796070000000 } from './1796070000000-InlinableFold';
import { Discussions1796070288070 } from './1796070288070-Discussions';
import { ProjectPortfolioIndex1796072416446 } from './1796072416446-ProjectPortfolioIndex';
import { Notifications1796072685545 } from './1796072685545-Notifications';
import { DiscussionPostSearchOrder1796072889041 } from './1796072889041-DiscussionPostSearchOrder';
import { PhaseHistoryIntervals1796073728102 } from './1796073728102-PhaseHistoryIntervals';
import { SessionClient1796075364164 } from './1796075364164-SessionClient';
import { ThreadNotificationLinks1796080000000 } from './1796080000000-ThreadNotificationLinks';
import { FigureIndexes1796083026188 } from './1796083026188-FigureIndexes';
import { Initiatives1796083173301 } from './1796083173301-Initiatives';
import { PublicDataChangeNotify1796083500000 } from './1796083500000-PublicDataChangeNotify';
import { ProjectFigureAggregate1796094214073 } from './1796094214073-ProjectFigureAggregate';
import { ProjectFacetCells1796096874634 } from './1796096874634-ProjectFacetCells';
import { ProjectFacetRollups1796103368587 } from './1796103368587-ProjectFacetRollups';

type MigrationClass = new () => MigrationInterface;

/** Every migration, oldest first; scripts/generate-migration.ts appends generated ones. */
export const migrations: MigrationClass[] = [
  Extensions1764000000000,
  Foundation1795671957852,
  AuditAppendOnly1795671960000,
  NetworkMembership1795672240334,
  MunicipalitySearch1795672250000,
  WorkingGroups1795672512844,
  Projects1795672572202,
  ProjectSearch1795672580000,
  Meetings1795672813411,
  MunicipalitySearchFold1795675000000,
  MinutesRevisionOutcomes1795675881777,
  SearchSynonymsCompounds1795676000000,
  MembershipSinceComment1796060730075,
  SignInHardeningAndEmailChangeRevert1796060837468,
  DomainEvents1796066045923,
  Discussions1796070288070,
  DiscussionPostSearchOrder1796072889041,
  Notifications1796072685545,
  PrivacyErasure1796069875727,
  SessionClient1796075364164,
  ProgressReports1796069904884,
  ReportHistoryTriggers1796069910000,
  PhaseHistoryIntervals1796073728102,
  ProjectPortfolioIndex1796072416446,
  InlinableFold1796070000000,
  FigureIndexes1796083026188,
  PublicDataChangeNotify1796083500000,
  ThreadNotificationLinks1796080000000,
  ProjectFigureAggregate1796094214073,
  Initiatives1796083173301,
  ProjectFacetCells1796096874634,
  ProjectFacetRollups1796103368587,
];
