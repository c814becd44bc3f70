package io.metasystem.mlcore.web;

import io.metasystem.mlcore.store.AccountIds;
import io.metasystem.mlcore.store.AdSet;
import io.metasystem.mlcore.store.InsightStore;
import io.metasystem.mlcore.vision.Creative;
import io.metasystem.mlcore.vision.CreativePreview;
import io.metasystem.mlcore.vision.VisionCreatives;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /dashboard/accounts/{account_id}/creatives}: the account's analysed creatives ({@code vision}), newest first,
 * at most {@value #MAX_CREATIVES}, each a card with its JPEG thumbnail ({@value #THUMBNAIL}, served from the store to
 * a signed-in session) under an SVG of the boxes detected in its first frame, and its main features.
 */
@Controller
class CreativesPageController {
    static final String CREATIVES = Routes.DASHBOARD + "/accounts/{account_id}/creatives";
    static final String THUMBNAIL = CREATIVES + "/{creative_id}/thumbnail.jpg";
    /** The most creatives one page shows. */
    static final int MAX_CREATIVES = 200;
    /** The most ad sets whose names the page looks up. */
    private static final int MAX_ADSETS = 1000;

    private final VisionCreatives creatives;
    private final InsightStore insights;

    CreativesPageController(VisionCreatives creatives, InsightStore insights) {
        this.creatives = creatives;
        this.insights = insights;
    }

    @GetMapping(CREATIVES)
    String creatives(@PathVariable("account_id") String accountId, Model model) {
        String id = requireAccount(accountId);
        Map<String, String> names = new HashMap<>();
        for (AdSet a : insights.adSets(id, 0, MAX_ADSETS).items()) {
            if (a.name() != null && !a.name().isBlank()) {
                names.put(a.id(), a.name());
            }
        }
        List<Creative> stored = creatives.listAccount(id, MAX_CREATIVES);
        Map<String, CreativePreview> previews =
                creatives.previews(id, stored.stream().map(Creative::id).toList());
        List<CreativeCard> cards = stored.stream()
                .map(c -> new CreativeCard(c, names.getOrDefault(c.adsetId(), c.adsetId()), previews.get(c.id())))
                .toList();
        model.addAttribute("accountId", id);
        model.addAttribute("cards", cards);
        model.addAttribute("limit", MAX_CREATIVES);
        return "creatives";
    }

    @GetMapping(THUMBNAIL)
    ResponseEntity<byte[]> thumbnail(
            @PathVariable("account_id") String accountId, @PathVariable("creative_id") String creativeId) {
        String id = requireAccount(accountId);
        byte[] jpeg = creatives
                .thumbnail(id, creativeId)
                .orElseThrow(() -> new PageNotFoundException("notfound.creative", creativeId));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(jpeg);
    }

    private String requireAccount(String accountId) {
        String id = AccountIds.canonical(accountId);
        if (!insights.accountExists(id)) {
            throw new PageNotFoundException("notfound.account", accountId);
        }
        return id;
    }
}
