import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A public hotline or help line in the directory; not a member agency. */
@Entity({ name: 'resource' })
export class ResourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  phone: string;

  @Column('text', { nullable: true })
  textNumber: string | null;

  @Column('text', { nullable: true })
  chatUrl: string | null;

  @Column('text')
  hours: string;

  @Column('text', { array: true })
  languages: string[];

  @Column('text')
  description: string;
}
