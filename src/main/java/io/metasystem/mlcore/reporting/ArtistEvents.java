package io.metasystem.mlcore.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Known events of artists (releases, playlist adds, press, tours). */
@Service
public class ArtistEvents {
    private final JdbcClient jdbc;
    private final ArtistStore artists;
    private final Clock clock;

    public ArtistEvents(JdbcClient jdbc, ArtistStore artists, Clock clock) {
        this.jdbc = jdbc;
        this.artists = artists;
        this.clock = clock;
    }

    /**
     * Records an event; an event of the same artist, day, type and name is returned as it was (idempotent).
     *
     * @throws io.metasystem.mlcore.errors.NotFoundException when the artist is unknown
     */
    public ArtistEvent add(String artistId, LocalDate date, EventType type, String name) {
        artists.require(artistId);
        List<ArtistEvent> same = list(artistId, date, date).stream()
                .filter(e -> e.type().equals(type.wire()) && e.name().equals(name))
                .toList();
        if (!same.isEmpty()) {
            return same.get(0);
        }
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("insert into artist_event (id, artist_id, event_date, event_type, name, created_at) values "
                        + "(:id, :a, :d, :t, :n, :now)")
                .param("id", id)
                .param("a", artistId)
                .param("d", date)
                .param("t", type.wire())
                .param("n", name)
                .param("now", now)
                .update();
        return new ArtistEvent(id, artistId, date, type.wire(), name, now);
    }

    /**
     * @param from first day, inclusive; null: no lower bound
     * @param to   last day, inclusive; null: no upper bound
     * @return the artist's events by day
     */
    public List<ArtistEvent> list(String artistId, LocalDate from, LocalDate to) {
        return jdbc.sql("select id, artist_id, event_date, event_type, name, created_at from artist_event where "
                        + "artist_id = :a and event_date >= :from and event_date <= :to order by event_date, "
                        + "created_at, id")
                .param("a", artistId)
                .param("from", from == null ? LocalDate.of(1900, 1, 1) : from)
                .param("to", to == null ? LocalDate.of(9999, 12, 31) : to)
                .query((rs, n) -> new ArtistEvent(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .list();
    }
}
