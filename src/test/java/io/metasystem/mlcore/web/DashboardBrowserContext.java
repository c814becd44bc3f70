package io.metasystem.mlcore.web;

import io.metasystem.mlcore.MlCoreApplication;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring configuration of the dashboard's browser tests (a full and a read-only key, apply allowed for the
 * two apply accounts, no stale-data guardrail), so that they share one application context instead of each
 * copying, and possibly drifting from, the same properties.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = MlCoreApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mlcore.api-key=" + DashboardBrowserTest.KEY,
            "mlcore.api-keys-readonly=" + DashboardBrowserTest.VIEWER_KEY,
            "mlcore.meta.allowed-accounts=" + DashboardBrowserTest.ACCOUNT + "," + DashboardApplyBrowserTest.ACCOUNT,
            "mlcore.meta.max-data-age-days=0"
        })
@interface DashboardBrowserContext {}
