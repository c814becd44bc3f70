package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.reporting.Artist;
import io.metasystem.mlcore.reporting.ArtistEvent;
import io.metasystem.mlcore.reporting.ArtistEvents;
import io.metasystem.mlcore.reporting.ArtistSpec;
import io.metasystem.mlcore.reporting.ArtistStore;
import io.metasystem.mlcore.reporting.EventType;
import io.metasystem.mlcore.store.AccountIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Artists (their ad accounts and campaigns) and their known events. */
@RestController
@Tag(name = "reporting")
class ArtistController {
    private static final Pattern PLATFORM_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final ArtistStore artists;
    private final ArtistEvents events;

    ArtistController(ArtistStore artists, ArtistEvents events) {
        this.artists = artists;
        this.events = events;
    }

    @PutMapping(
            value = "/api/v1/artists/{artist_id}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create or replace an artist",
            description = "Body: {name, ad_accounts: [act_…], campaign_ids?, spotify_artist_id?, youtube_channel_id?}. "
                    + "An ad set belongs to the artist whose campaign_ids holds its campaign, else to the artist of "
                    + "its account. 409 when a campaign or a whole account already belongs to another artist.")
    Artist put(@PathVariable("artist_id") String artistId, @RequestBody JsonNode body) {
        String id = ArtistParameters.artistId(artistId);
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("$", "expected a JSON object");
        }
        String name = text(body, "name", true, 255, null, problems);
        List<String> accounts = ids(body, "ad_accounts", true, Parameters.ACCOUNT_ID, problems).stream()
                .map(AccountIds::canonical)
                .toList();
        List<String> campaigns = ids(body, "campaign_ids", false, PLATFORM_ID, problems);
        String spotify = text(body, "spotify_artist_id", false, 64, PLATFORM_ID, problems);
        String youtube = text(body, "youtube_channel_id", false, 64, PLATFORM_ID, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return artists.put(id, new ArtistSpec(name, accounts, campaigns, spotify, youtube));
    }

    @GetMapping(value = "/api/v1/artists", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List artists", description = "Every artist, by id.")
    Map<String, List<Artist>> list() {
        return Map.of("artists", artists.all());
    }

    @GetMapping(value = "/api/v1/artists/{artist_id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One artist", description = "404 when the artist is unknown.")
    Artist get(@PathVariable("artist_id") String artistId) {
        return artists.require(ArtistParameters.artistId(artistId));
    }

    @PostMapping(
            value = "/api/v1/artists/{artist_id}/events",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record a known event (release, playlist add, press, tour, other)",
            description =
                    "Body: {date: YYYY-MM-DD, type: release|playlist_add|press|tour|other, name}. The attribution "
                            + "model treats each event as a baseline shift over the next 14 days. The same artist, "
                            + "date, type and name again returns the stored event.")
    ArtistEvent addEvent(@PathVariable("artist_id") String artistId, @RequestBody JsonNode body) {
        String id = ArtistParameters.artistId(artistId);
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("$", "expected a JSON object");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String dateText = text(body, "date", true, 10, null, problems);
        LocalDate date = DateParameters.parse("date", dateText, null, problems);
        String typeText = text(body, "type", true, 16, null, problems);
        EventType type = typeText == null ? null : EventType.fromWire(typeText);
        if (typeText != null && type == null) {
            problems.add(new FieldProblem(
                    "type",
                    "must be one of "
                            + Arrays.stream(EventType.values())
                                    .map(EventType::wire)
                                    .toList() + ", got '" + typeText + "'"));
        }
        String name = text(body, "name", true, 255, null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return events.add(id, date, type, name);
    }

    @GetMapping(value = "/api/v1/artists/{artist_id}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An artist's events", description = "Optional from/to (YYYY-MM-DD, inclusive).")
    Map<String, List<ArtistEvent>> events(
            @PathVariable("artist_id") String artistId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        String id = ArtistParameters.artistId(artistId);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate fromDate = DateParameters.parse("from", from, null, problems);
        LocalDate toDate = DateParameters.parse("to", to, null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        artists.require(id);
        return Map.of("events", events.list(id, fromDate, toDate));
    }

    private static String text(
            JsonNode body, String field, boolean required, int max, Pattern pattern, List<FieldProblem> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
            return null;
        }
        if (!node.isString() || node.asString().isBlank()) {
            problems.add(new FieldProblem(field, "must be a non-blank string"));
            return null;
        }
        String value = node.asString().strip();
        if (value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
            return null;
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            problems.add(new FieldProblem(field, "must be letters, digits, '_', '.' or '-', got '" + value + "'"));
            return null;
        }
        return value;
    }

    private static List<String> ids(
            JsonNode body, String field, boolean required, Pattern pattern, List<FieldProblem> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required (at least one id)"));
            }
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(new FieldProblem(field, "must be an array of ids"));
            return List.of();
        }
        if (required && node.isEmpty()) {
            problems.add(new FieldProblem(field, "must hold at least one id"));
        }
        if (node.size() > 500) {
            problems.add(new FieldProblem(field, "must hold at most 500 ids"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            if (!id.isString() || !pattern.matcher(id.asString().strip()).matches()) {
                problems.add(new FieldProblem(
                        field + "[" + i + "]", "must be 1-64 letters, digits, '_', '.' or '-', got " + id));
            } else {
                out.add(id.asString().strip());
            }
        }
        return out;
    }
}
