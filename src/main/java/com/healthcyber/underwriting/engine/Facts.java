package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.Application;
import org.kie.api.runtime.KieSession;

/** Puts an application into a session as the facts the rules match on, one per part. */
final class Facts {

    private Facts() {}

    static void insertAll(KieSession session, Application application) {
        session.insert(application);
        session.insert(application.applicant());
        if (application.data() != null) {
            session.insert(application.data());
        }
        session.insert(application.controls());
        session.insert(application.history());
        session.insert(application.coverage());
        application.history().claims().forEach(session::insert);
        application.history().breaches().forEach(session::insert);
        application.history().regulatoryActions().forEach(session::insert);
        application.registries().forEach(session::insert);
        if (application.externalScan() != null) {
            session.insert(application.externalScan());
        }
    }
}
