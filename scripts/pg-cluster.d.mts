export interface Cluster {
  /** postgresql:// URL of a database in the cluster (default postgres). */
  url(db?: string): string;
  /** Creates a database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}
export function startCluster(): Promise<Cluster>;
