package io.metasystem.mlcore.reporting;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Artists and the rule that maps an ad set to its artist. */
@Service
public class ArtistStore {
    private final JdbcClient jdbc;
    private final Clock clock;

    public ArtistStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Creates or replaces an artist.
     *
     * @return the stored artist
     * @throws ProblemException 409 naming {@code campaign_ids[i]} when another artist holds that campaign, or
     *     {@code ad_accounts[i]} when another artist already takes every unclaimed campaign of that account (lists it
     *     without campaign ids) and this one would too
     */
    @Transactional
    public Artist put(String artistId, ArtistSpec spec) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<FieldProblem> conflicts = new ArrayList<>();
        for (int i = 0; i < spec.campaignIds().size(); i++) {
            String campaign = spec.campaignIds().get(i);
            jdbc.sql("select artist_id from artist_campaign where campaign_id = :c and artist_id <> :a")
                    .param("c", campaign)
                    .param("a", artistId)
                    .query(String.class)
                    .optional()
                    .ifPresent(other -> conflicts.add(new FieldProblem(
                            "campaign_ids", "campaign '" + campaign + "' already belongs to artist '" + other + "'")));
        }
        if (spec.campaignIds().isEmpty()) {
            for (String account : spec.adAccounts()) {
                List<String> others = jdbc.sql("select a.artist_id from artist_ad_account a where a.account_id = :acc"
                                + " and a.artist_id <> :artist and not exists (select 1 from artist_campaign c "
                                + "where c.artist_id = a.artist_id)")
                        .param("acc", account)
                        .param("artist", artistId)
                        .query(String.class)
                        .list();
                if (!others.isEmpty()) {
                    conflicts.add(new FieldProblem(
                            "ad_accounts",
                            "account '" + account + "' already belongs to artist '" + others.get(0)
                                    + "' for all its campaigns; name this artist's campaign_ids"));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ProblemException(
                    ProblemKind.CONFLICT, null, conflicts.get(0).message(), conflicts, Map.of(), null);
        }
        int updated = jdbc.sql("update artist set name = :name, spotify_artist_id = :spotify, "
                        + "youtube_channel_id = :youtube, updated_at = :now where id = :id")
                .param("name", spec.name())
                .param("spotify", spec.spotifyArtistId())
                .param("youtube", spec.youtubeChannelId())
                .param("now", now)
                .param("id", artistId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into artist (id, name, spotify_artist_id, youtube_channel_id, created_at, updated_at) "
                            + "values (:id, :name, :spotify, :youtube, :now, :now)")
                    .param("id", artistId)
                    .param("name", spec.name())
                    .param("spotify", spec.spotifyArtistId())
                    .param("youtube", spec.youtubeChannelId())
                    .param("now", now)
                    .update();
        }
        jdbc.sql("delete from artist_ad_account where artist_id = :id")
                .param("id", artistId)
                .update();
        jdbc.sql("delete from artist_campaign where artist_id = :id")
                .param("id", artistId)
                .update();
        for (String account : spec.adAccounts()) {
            jdbc.sql("insert into artist_ad_account (artist_id, account_id) values (:id, :acc)")
                    .param("id", artistId)
                    .param("acc", account)
                    .update();
        }
        for (String campaign : spec.campaignIds()) {
            jdbc.sql("insert into artist_campaign (campaign_id, artist_id) values (:c, :id)")
                    .param("c", campaign)
                    .param("id", artistId)
                    .update();
        }
        return require(artistId);
    }

    /**
     * @return the artist
     * @throws NotFoundException naming {@code artist_id}
     */
    public Artist require(String artistId) {
        List<Artist> found = load("where id = :id", Map.of("id", artistId));
        if (found.isEmpty()) {
            throw new NotFoundException(
                    "artist", artistId, "artist_id", "No artist '" + artistId + "'; create it with PUT first.");
        }
        return found.get(0);
    }

    /** @return every artist, by id */
    public List<Artist> all() {
        return load("", Map.of());
    }

    private List<Artist> load(String where, Map<String, ?> params) {
        Map<String, List<String>> accounts = new HashMap<>();
        Map<String, List<String>> campaigns = new HashMap<>();
        String filter = where.isEmpty() ? "" : " where artist_id = :id";
        jdbc.sql("select artist_id, account_id from artist_ad_account" + filter + " order by account_id")
                .params(params)
                .query((rs, n) -> accounts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        jdbc.sql("select artist_id, campaign_id from artist_campaign" + filter + " order by campaign_id")
                .params(params)
                .query((rs, n) -> campaigns
                        .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return jdbc.sql("select id, name, spotify_artist_id, youtube_channel_id, created_at, updated_at from artist "
                        + where + " order by id")
                .params(params)
                .query((rs, n) -> new Artist(
                        rs.getString("id"),
                        rs.getString("name"),
                        accounts.getOrDefault(rs.getString("id"), List.of()),
                        campaigns.getOrDefault(rs.getString("id"), List.of()),
                        rs.getString("spotify_artist_id"),
                        rs.getString("youtube_channel_id"),
                        rs.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getObject("updated_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .list();
    }

    /**
     * The ad sets of an artist, by the rule: a campaign listed in some artist's {@code campaign_ids} belongs to that
     * artist; any other campaign belongs to the artist of its account: the only artist listing the account, or, when
     * several do, the only one of them without campaign ids (none when that is still ambiguous).
     *
     * @return account id → ad-set ids of that account, sorted
     */
    public Map<String, Set<String>> adSetsOf(Artist artist) {
        Map<String, Set<String>> out = new TreeMap<>();
        owners().forEach((adSet, owner) -> {
            if (artist.artistId().equals(owner)) {
                out.computeIfAbsent(adSet[0], k -> new TreeSet<>()).add(adSet[1]);
            }
        });
        return out;
    }

    /**
     * Every stored ad set's artist by the rule of {@link #adSetsOf}, in one pass.
     *
     * @return {@code "<account>|<adset>"} → artist id; ad sets without an artist are absent
     */
    public Map<String, String> artistOfEveryAdSet() {
        Map<String, String> out = new HashMap<>();
        owners().forEach((adSet, owner) -> {
            if (owner != null) {
                out.put(adSet[0] + "|" + adSet[1], owner);
            }
        });
        return out;
    }

    /** {account, ad set} → its artist (null when none), for every stored ad set. */
    private Map<String[], String> owners() {
        Map<String, String> campaignOwner = new HashMap<>();
        jdbc.sql("select campaign_id, artist_id from artist_campaign")
                .query((rs, n) -> campaignOwner.put(rs.getString(1), rs.getString(2)))
                .list();
        Set<String> withCampaigns = new HashSet<>(campaignOwner.values());
        Map<String, List<String>> artistsOfAccount = new HashMap<>();
        jdbc.sql("select account_id, artist_id from artist_ad_account")
                .query((rs, n) -> artistsOfAccount
                        .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        List<String[]> adSets = new ArrayList<>();
        jdbc.sql("select account_id, id, campaign_id from ad_set")
                .query((rs, n) -> adSets.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}))
                .list();
        Map<String[], String> out = new LinkedHashMap<>();
        for (String[] adSet : adSets) {
            out.put(adSet, owner(adSet[0], adSet[2], campaignOwner, withCampaigns, artistsOfAccount));
        }
        return out;
    }

    static String owner(
            String account,
            String campaign,
            Map<String, String> campaignOwner,
            Set<String> withCampaigns,
            Map<String, List<String>> artistsOfAccount) {
        if (campaign != null && campaignOwner.containsKey(campaign)) {
            return campaignOwner.get(campaign);
        }
        List<String> candidates = artistsOfAccount.getOrDefault(account, List.of());
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        List<String> defaults =
                candidates.stream().filter(a -> !withCampaigns.contains(a)).toList();
        return defaults.size() == 1 ? defaults.get(0) : null;
    }
}
