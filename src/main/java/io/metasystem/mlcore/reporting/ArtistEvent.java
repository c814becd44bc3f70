package io.metasystem.mlcore.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A known event of an artist, which the attribution model treats as a baseline shift over the following days.
 *
 * @param id        UUID
 * @param artistId  the artist
 * @param date      the day it happened (UTC)
 * @param type      its kind, wire name ({@code release}, {@code playlist_add}, {@code press}, {@code tour},
 *                  {@code other})
 * @param name      e.g. the single's title
 * @param createdAt when it was recorded
 */
public record ArtistEvent(
        String id, String artistId, LocalDate date, String type, String name, OffsetDateTime createdAt) {}
