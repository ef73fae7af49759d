{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/rulings">آرا</a> › دادنامه <bdi>{{NUMBER}}</bdi></p>
<h1>{{COURT}}{{#BRANCH}} — {{BRANCH_NAME}}{{/BRANCH}}، دادنامه <bdi>{{NUMBER}}</bdi></h1>
{{#JUST_REGISTERED}}<div class="notice ok" role="status">رأی ثبت شد.</div>{{/JUST_REGISTERED}}
{{#BINDING}}<div class="notice ok binding-notice" role="note"><p><strong>رأی وحدت رویه.</strong> این رأی در پاسخ به درخواست <a href="/precedents/{{PRECEDENT_ID}}"><span class="ref">{{PRECEDENT_REFERENCE}}</span></a> صادر شده و برای شعب و مراجع اداری لازم‌الاتباع است.</p></div>{{/BINDING}}
{{>ERROR_SUMMARY}}
{{#STALE}}<div class="notice warn" role="alert" id="conflict"><p>این رأی پس از آنکه صفحه را باز کردید تغییر کرده است؛ صفحه وضعیت تازه را نشان می‌دهد.</p></div>{{/STALE}}
<div class="grid">
<section class="panel" aria-labelledby="h-facts">
<h2 id="h-facts">مشخصات</h2>
<dl class="facts">
<dt>تاریخ رأی</dt><dd><time datetime="{{DECIDED_ON_ISO}}">{{DECIDED_ON}}</time></dd>
<dt>شهر</dt><dd>{{CITY}}</dd>
<dt>نتیجه</dt><dd><span class="outcome-{{OUTCOME}}">{{OUTCOME_LABEL}}</span></dd>
<dt>مواد قانونی</dt><dd>{{#PROVISION}}<a href="{{LINK}}">{{LAW}} — <bdi>{{ARTICLE}}</bdi></a><br>{{/PROVISION}}</dd>
</dl>
</section>
<section class="panel" aria-labelledby="h-summary">
<h2 id="h-summary">خلاصه</h2>
<div class="text">{{SUMMARY}}</div>
{{#HAS_FULL_TEXT}}<h3>متن کامل</h3><div class="text">{{FULL_TEXT}}</div>{{/HAS_FULL_TEXT}}
</section>
</div>
{{#HAS_CONFLICTS}}<section class="panel conflict-panel" aria-labelledby="h-conflicts" id="conflicts">
<h2 id="h-conflicts">تعارض آرا بر مواد این رأی</h2>
<p class="muted">مواد این رأی که دادگاه‌ها درباره آن‌ها هم به سود و هم به زیان شهرداری رأی داده‌اند.</p>
{{>CONFLICTS}}
</section>{{/HAS_CONFLICTS}}
<section class="panel" aria-labelledby="h-gaps" id="gaps">
<h2 id="h-gaps">خلأهایی که این رأی به آن‌ها مربوط است</h2>
{{#NO_LINKS}}<p class="muted">هنوز خلأیی به این رأی پیوند نشده است.</p>{{/NO_LINKS}}
<ul class="plain">{{#LINKED}}<li>{{>GAP_MENTION}}{{#HAS_NOTE}}<br>چرا: {{NOTE}}{{/HAS_NOTE}}<br><span class="muted"><bdi>{{BY}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></span></li>{{/LINKED}}</ul>
{{#LINK_FORM}}<form method="post" action="/rulings/{{ID}}/gaps" class="no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<h3>پیوند به خلأ</h3>
<div class="grid">
<div class="field{{#GAP_HAS_ERROR}} has-error{{/GAP_HAS_ERROR}}"><label for="f-gap">شناسه خلأ</label>{{#GAP_HAS_ERROR}}<span class="error-message">{{GAP_ERROR}}</span>{{/GAP_HAS_ERROR}}<input type="text" id="f-gap" name="gap" value="{{GAP}}" dir="ltr" required placeholder="G-1405-0001"></div>
<div class="field{{#NOTE_HAS_ERROR}} has-error{{/NOTE_HAS_ERROR}}"><label for="f-note">چرا این رأی به آن مربوط است</label>{{#NOTE_HAS_ERROR}}<span class="error-message">{{NOTE_ERROR}}</span>{{/NOTE_HAS_ERROR}}<textarea id="f-note" name="note">{{LINK_NOTE}}</textarea></div>
</div>
<button type="submit">پیوند</button>
</form>{{/LINK_FORM}}
</section>
{{#HAS_RELATED}}<section class="panel" aria-labelledby="h-related"><h2 id="h-related">خلأهای دیگر بر همین مواد</h2><ul class="plain">{{#RELATED}}<li><a href="/gaps/{{GAP_ID}}"><span class="ref">{{REFERENCE}}</span> {{TITLE}}</a></li>{{/RELATED}}</ul></section>{{/HAS_RELATED}}
