package io.metasystem.mlcore.recommendation;

import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.optimizer.ConversionValue;
import io.metasystem.mlcore.reporting.Artist;
import io.metasystem.mlcore.reporting.ArtistStore;
import io.metasystem.mlcore.reporting.AttributionService;
import io.metasystem.mlcore.reporting.IncrementalPerConversion;
import io.metasystem.mlcore.reporting.ReportService;
import io.metasystem.mlcore.store.AccountIds;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code streams} objective of the account optimize route: each conversion of an ad set is worth its artist's
 * estimated INCREMENTAL streams per Meta conversion ({@link AttributionService#incrementalStreamsPerConversion}, over
 * the {@value #WINDOW_DAYS} days ending on the artist's latest imported platform day), with that estimate's standard
 * deviation entering the risk penalty. So a label promoting several artists moves budget toward the artists whose ads
 * move streams. Ad sets of no artist, or of an artist without an estimate, get the mean of the known values (the
 * optimizer's rule for a missing value), which the answer warns about.
 */
@Component
public class StreamsValues {
    /** Days of platform history an estimate is made on, as the attribution route's default. */
    public static final int WINDOW_DAYS = 90;
    /** Smallest value per conversion: an artist whose ads add nothing is worth almost nothing, never negative. */
    static final double MIN_VALUE = 1e-6;

    private final ArtistStore artists;
    private final AttributionService attribution;
    private final ReportService reports;
    private final Clock clock;

    StreamsValues(ArtistStore artists, AttributionService attribution, ReportService reports, Clock clock) {
        this.artists = artists;
        this.attribution = attribution;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * One artist's estimate and the account's ad sets it applies to.
     *
     * @param perConversion null when the data cannot tell (no spend variation, too few days, no conversions)
     */
    public record ArtistValue(
            String artistId,
            String name,
            LocalDate from,
            LocalDate to,
            IncrementalPerConversion perConversion,
            List<String> adsetIds) {}

    /**
     * @param values ad-set id → value per conversion (incremental streams), only for ad sets with an estimate
     * @param artists every artist with ad sets in the account
     * @param warnings what the answer should say about missing or non-positive estimates
     */
    public record Result(Map<String, ConversionValue> values, List<ArtistValue> artists, List<String> warnings) {}

    /**
     * @param accountId the account, any spelling
     * @throws InvalidInputException naming {@code objective} when no artist of the account has an estimate
     */
    public Result of(String accountId) {
        String account = AccountIds.canonical(accountId);
        Map<String, ConversionValue> values = new LinkedHashMap<>();
        List<ArtistValue> found = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Artist artist : artists.all()) {
            Set<String> adSets = artists.adSetsOf(artist).get(account);
            if (adSets == null || adSets.isEmpty()) {
                continue;
            }
            LocalDate latest = reports.latestDay(artist.artistId());
            LocalDate to = latest == null ? LocalDate.now(clock).minusDays(1) : latest;
            LocalDate from = to.minusDays(WINDOW_DAYS - 1L);
            IncrementalPerConversion estimate =
                    attribution.incrementalStreamsPerConversion(artist.artistId(), from, to);
            found.add(new ArtistValue(artist.artistId(), artist.name(), from, to, estimate, List.copyOf(adSets)));
            if (estimate == null) {
                warnings.add("artist " + artist.artistId() + ": no estimate of incremental streams per conversion for "
                        + from + " to " + to + " (see GET /api/v1/artists/" + artist.artistId()
                        + "/attribution); its ad sets count the mean value of the others");
                continue;
            }
            if (estimate.mean() <= 0) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "artist %s: its ads show no incremental streams (%.3f per conversion); its ad sets are "
                                + "valued at almost nothing",
                        artist.artistId(),
                        estimate.mean()));
            }
            ConversionValue value = new ConversionValue(
                    Math.max(MIN_VALUE, estimate.mean()), Math.max(0, estimate.standardDeviation()));
            adSets.forEach(id -> values.put(id, value));
        }
        if (values.isEmpty()) {
            throw new InvalidInputException(
                    "objective",
                    "streams needs at least one artist linked to account " + account
                            + " (PUT /api/v1/artists/{artist_id}) with an estimate of incremental streams "
                            + (found.isEmpty() ? "; none is linked" : "; none of " + found.size() + " has one"));
        }
        return new Result(values, found, warnings);
    }
}
