/**
 * The clustered scheduler and job leases: recurring and one-off work (retraining, syncs, webhook re-delivery, the
 * lease sweep) runs on db-scheduler backed by the shared database, so exactly one replica runs each execution
 * ({@code ClusteredScheduler}, {@code ClusteredTask}); a running job holds a heartbeat lease, and the sweep fails jobs
 * whose replica died ({@code JobLeases}, {@code JobTable}).
 *
 * <p>Owns: {@code JobStatus}, the status of every long-running job ({@code meta_job}, {@code ml_job}).
 *
 * <p>May use: Spring (context, JDBC), db-scheduler, Jackson annotations and the JDK; no other package of ours.
 */
package io.metasystem.mlcore.scheduling;
