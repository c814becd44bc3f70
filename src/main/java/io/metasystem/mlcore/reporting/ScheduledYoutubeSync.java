package io.metasystem.mlcore.reporting;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.metasystem.mlcore.config.YoutubeProperties;
import io.metasystem.mlcore.scheduling.ClusteredTask;
import io.metasystem.mlcore.scheduling.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The recurring YouTube sync: on {@code YOUTUBE_SYNC_CRON} it reads the last {@code YOUTUBE_SYNC_DAYS} days (ending
 * yesterday, UTC) of every artist with a {@code youtube_channel_id} from the Analytics API and merges them by
 * (artist, day), like the CSV import, each artist as a {@link YoutubeSyncJob} (trigger {@code schedule}). Runs on the
 * clustered scheduler (one replica per execution); one failing artist does not stop the others. Messages never carry
 * the token.
 */
@Component
class ScheduledYoutubeSync implements ClusteredTask {
    static final String TASK = "youtube-sync";
    private static final Logger log = LoggerFactory.getLogger(ScheduledYoutubeSync.class);

    private final YoutubeProperties properties;
    private final ArtistStore artists;
    private final YoutubeSync sync;
    private final Clock clock;

    ScheduledYoutubeSync(YoutubeProperties properties, ArtistStore artists, YoutubeSync sync, Clock clock) {
        this.properties = properties;
        this.artists = artists;
        this.sync = sync;
        this.clock = clock;
    }

    @Override
    public Optional<RecurringTask<?>> task() {
        if (!properties.scheduled()) {
            return Optional.empty();
        }
        log.info("YouTube sync scheduled with cron '{}', last {} days", properties.syncCron(), properties.syncDays());
        return Optional.of(
                Tasks.recurring(TASK, Schedules.cron(properties.syncCron())).execute((instance, context) -> runOnce()));
    }

    /**
     * Syncs every artist with a channel once, in this thread, each as a job ({@link YoutubeSync#runNow}, trigger
     * {@code schedule}); returns how many artists were synced successfully.
     */
    int runOnce() {
        LocalDate until = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        LocalDate since = until.minusDays(properties.syncDays() - 1L);
        int synced = 0;
        for (Artist artist : artists.all()) {
            if (artist.youtubeChannelId() == null) {
                continue;
            }
            try {
                YoutubeSyncJob job = sync.runNow(artist.artistId(), since, until, SyncTrigger.SCHEDULE);
                if (job.status() == JobStatus.SUCCEEDED) {
                    synced++;
                }
            } catch (RuntimeException e) {
                log.warn("YouTube sync of artist {} failed: {}", artist.artistId(), e.getMessage());
            }
        }
        return synced;
    }
}
