package io.metasystem.mlcore.web;

import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.reporting.Artist;
import io.metasystem.mlcore.reporting.ArtistReport;
import io.metasystem.mlcore.reporting.ArtistStore;
import io.metasystem.mlcore.reporting.Attribution;
import io.metasystem.mlcore.reporting.AttributionMetric;
import io.metasystem.mlcore.reporting.AttributionService;
import io.metasystem.mlcore.reporting.ReportDay;
import io.metasystem.mlcore.reporting.ReportService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * {@code /dashboard/artists} (every artist) and {@code /dashboard/artists/{artist_id}}: the last
 * {@value #DAYS} days of Meta spend next to Spotify streams and YouTube views, the totals, and what the ads added to
 * streams (the attribution's INCREMENTAL estimates with their 90 % intervals, kept apart from the naive ratios).
 */
@Controller
class ArtistPagesController {
    /** Days the artist page shows, ending on the latest imported platform day. */
    static final int DAYS = 90;

    private final ArtistStore artists;
    private final ReportService reports;
    private final AttributionService attribution;
    private final MessageSource messages;
    private final Clock clock;

    ArtistPagesController(
            ArtistStore artists,
            ReportService reports,
            AttributionService attribution,
            MessageSource messages,
            Clock clock) {
        this.artists = artists;
        this.reports = reports;
        this.attribution = attribution;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(Routes.ARTISTS)
    String list(Model model) {
        model.addAttribute("artists", artists.all());
        return "artists";
    }

    @GetMapping(Routes.ARTISTS + "/{artist_id}")
    String artist(@PathVariable("artist_id") String artistId, Model model, Locale locale) {
        Artist artist;
        try {
            artist = artists.require(artistId);
        } catch (NotFoundException e) {
            throw new PageNotFoundException("notfound.artist", artistId);
        }
        LocalDate latest = reports.latestDay(artist.artistId());
        LocalDate to = latest == null ? LocalDate.now(clock).minusDays(1) : latest;
        LocalDate from = to.minusDays(DAYS - 1L);
        ArtistReport report = reports.report(artist.artistId(), from, to);
        Attribution streams = attribution.attribute(artist.artistId(), AttributionMetric.STREAMS, from, to);
        model.addAttribute("artist", artist);
        model.addAttribute("report", report);
        model.addAttribute("attribution", streams);
        List<ReportDay> days = report.days();
        model.addAttribute(
                "chart",
                ChartData.dates(days.stream().map(ReportDay::date).toList(), report.currency())
                        .series(
                                label("kpi.spend", locale),
                                "bar",
                                0,
                                "money",
                                days.stream()
                                        .map(d -> ChartData.money(d.spend()))
                                        .toList())
                        .series(
                                label("artist.streams", locale),
                                "line",
                                1,
                                "count",
                                days.stream().map(ReportDay::streams).toList())
                        .series(
                                label("artist.youtubeViews", locale),
                                "line",
                                1,
                                "count",
                                days.stream().map(ReportDay::youtubeViews).toList())
                        .json());
        return "artist";
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
