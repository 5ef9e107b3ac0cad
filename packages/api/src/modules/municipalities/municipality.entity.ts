import { MunicipalityKind } from '@hub/shared';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { LIST_TYPE, Node } from '../../graphql/relay';

registerEnumType(MunicipalityKind, { name: 'MunicipalityKind' });

/** An administrative unit of Rheinland-Pfalz from the official Gemeindeverzeichnis. */
@Entity('municipality')
@ObjectType({ implements: Node, ...LIST_TYPE })
export class Municipality extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 12, comment: 'Amtlicher Regionalschlüssel' })
  @Field(() => String, { description: 'Amtlicher Regionalschlüssel (12 digits).' })
  ars: string;

  @Column({ type: 'varchar', length: 8, nullable: true, comment: 'Amtlicher Gemeindeschlüssel' })
  @Field(() => String, {
    nullable: true,
    description: 'Amtlicher Gemeindeschlüssel (8 digits) of a Gemeinde or Kreis.',
  })
  ags: string | null;

  // (hub_fold(name), name, id): the directory's default order; hand-written in the InlinableFold migration.
  @Index('municipality_folded_name', { synchronize: false })
  @Column({ type: 'varchar', length: 200 })
  @Field(() => String)
  name: string;

  @Column({ type: 'enum', enum: MunicipalityKind, enumName: 'municipality_kind' })
  @Field(() => MunicipalityKind)
  kind: MunicipalityKind;

  @Column({ type: 'boolean', default: false, comment: 'Has town rights (Stadt).' })
  @Field(() => Boolean, { description: 'Whether it has town rights (Stadt).' })
  isTown: boolean;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Municipality;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'Landkreis or kreisfreie Stadt it lies in' })
  districtId: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id' })
  district?: Municipality;

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  population: number | null;

  @Column({
    type: 'numeric',
    precision: 10,
    scale: 2,
    nullable: true,
    transformer: { to: (v) => v, from: (v) => (v === null ? null : Number(v)) },
  })
  @Field(() => Float, { nullable: true, description: 'Area in km².' })
  areaKm2: number | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  @Field(() => String, { nullable: true })
  postcode: string | null;

  @Column({ type: 'double precision', nullable: true })
  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  @Field(() => Float, { nullable: true })
  longitude: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
