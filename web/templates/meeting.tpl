{{%AUTOESCAPE context="HTML"}}<div id="meeting">
<p class="muted"><a href="/meetings">جلسه‌ها</a> › <span class="ref">{{REFERENCE}}</span></p>
<h1>جلسه کمیسیون مشترک حقوقی <span class="ref">{{REFERENCE}}</span></h1>
{{>ERROR_SUMMARY}}
{{#STALE}}<div class="notice warn" role="alert" id="conflict"><h2>این جلسه پس از آنکه صفحه را باز کردید تغییر کرده است</h2><p>صفحه اکنون وضعیت تازه را نشان می‌دهد؛ اگر هنوز لازم است، دوباره بفرستید.</p></div>{{/STALE}}
<section class="panel" aria-labelledby="h-facts">
<h2 id="h-facts" class="visually-hidden">مشخصات جلسه</h2>
<dl class="facts">
<dt>زمان</dt><dd><time datetime="{{AT_ISO}}">{{AT}}</time></dd>
<dt>محل</dt><dd>{{PLACE}}</dd>
<dt>وضعیت</dt><dd><span class="state{{#CLOSED}} terminal{{/CLOSED}}">{{STATE_LABEL}}</span></dd>
<dt>حاضران</dt><dd>{{PRESENT}} شهر از {{MEMBERS}} شهر عضو؛ حد نصاب {{QUORUM_NEEDED}}</dd>
<dt>دستور</dt><dd>{{ITEMS}} بند، {{DECIDED}} تصمیم</dd>
</dl>
<p class="no-print"><a class="button secondary" href="/meetings/{{ID}}/minutes">صورتجلسه</a> <a class="button secondary" href="/meetings/{{ID}}/roll-call.csv" download>فهرست آرا (CSV)</a> <a class="button secondary" href="/meetings/{{ID}}/roll-call.xlsx" download>فهرست آرا (Excel)</a></p>
</section>
<section class="panel" aria-labelledby="h-attendance" id="attendance">
<h2 id="h-attendance">حضور شهرها</h2>
{{#ATTENDANCE_FORM}}<form method="post" action="/meetings/{{ID}}/attendance" class="no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<fieldset id="f-present"{{#PRESENT_HAS_ERROR}} class="has-error"{{/PRESENT_HAS_ERROR}}><legend>شهرهای حاضر را علامت بزنید</legend>
{{#PRESENT_HAS_ERROR}}<span class="error-message">{{PRESENT_ERROR}}</span>{{/PRESENT_HAS_ERROR}}
<ul class="members">{{#MEMBER}}<li><label class="checkbox"><input type="checkbox" name="present" value="{{SLUG}}"{{#TICKED}} checked{{/TICKED}}> {{CITY}}</label></li>{{/MEMBER}}</ul>
</fieldset>
<button type="submit">ثبت حضور</button>
</form>{{/ATTENDANCE_FORM}}
{{#ATTENDANCE_LIST}}<ul class="members">{{#MEMBER}}<li class="{{#IS_PRESENT}}present{{/IS_PRESENT}}{{#IS_ABSENT}}absent{{/IS_ABSENT}}">{{CITY}}: {{#IS_PRESENT}}حاضر{{/IS_PRESENT}}{{#IS_ABSENT}}<span class="muted">غایب</span>{{/IS_ABSENT}}</li>{{/MEMBER}}</ul>{{/ATTENDANCE_LIST}}
</section>
{{#CONSULTATION}}<section class="panel" aria-labelledby="h-consultation" id="consultation">
<h2 id="h-consultation">نظرخواهی از شهرها درباره دستور جلسه</h2>
{{#NONE}}<p class="muted">پیش از جلسه، از حقوقی شهرهای عضو بخواهید بندهای دستور را پیشنهاد و رتبه‌بندی کنند.</p>{{/NONE}}
{{#OPEN}}<p>پیشنهاد و رتبه‌بندی تا پایان <strong>{{LAST_DAY}}</strong> پذیرفته می‌شود.</p>{{/OPEN}}
{{#CLOSED}}<p>مهلت نظرخواهی در پایان {{LAST_DAY}} به سر رسید.{{#BUILT}} دستور جلسه در <time datetime="{{BUILT_AT_ISO}}">{{BUILT_AT}}</time> از نتیجه آن ساخته شد.{{/BUILT}}</p>{{/CLOSED}}
{{#DEADLINE_FORM}}<form method="post" action="/meetings/{{ID}}/consultation" class="no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<div class="field{{#CLOSES_ON_HAS_ERROR}} has-error{{/CLOSES_ON_HAS_ERROR}}">
<label for="f-closes_on">آخرین روز پذیرش پیشنهاد <span class="hint">به تقویم شمسی، پیش از روز جلسه، مانند ۱۴۰۵-۰۹-۱۲</span></label>
{{#CLOSES_ON_HAS_ERROR}}<span class="error-message">{{CLOSES_ON_ERROR}}</span>{{/CLOSES_ON_HAS_ERROR}}
<input type="text" data-jdp id="f-closes_on" name="closes_on" value="{{CLOSES_ON}}" placeholder="۱۴۰۵-۰۹-۱۲" required>
</div>
<button type="submit">{{BUTTON}}</button>
</form>{{/DEADLINE_FORM}}
{{#NO_PROPOSALS}}<p class="muted">هنوز پیشنهادی نرسیده است.</p>{{/NO_PROPOSALS}}
{{#HAS_PROPOSALS}}<table class="rows proposals">
<caption>پیشنهادهای شهرها به ترتیب رتبه <span class="hint">(رتبه اول هر شهر به شمار پیشنهادها امتیاز دارد، دوم یکی کمتر، …)</span></caption>
<thead><tr><th scope="col">رتبه</th><th scope="col">پیشنهاد</th><th scope="col">شهر</th><th scope="col">امتیاز</th><th scope="col">در دستور</th>{{#RANK_COLUMN}}<th scope="col">رتبه شما</th>{{/RANK_COLUMN}}{{#PICK_COLUMN}}<th scope="col">برگزیده</th>{{/PICK_COLUMN}}</tr></thead>
<tbody>{{#PROPOSAL}}<tr id="proposal-{{NUMBER}}">
<td data-label="رتبه">{{PLACE_FA}}</td>
<td data-label="پیشنهاد"><span class="muted">{{KIND}}</span>{{#HAS_REFERENCE}} {{#HAS_LINK}}<a href="{{LINK}}" class="ref">{{REFERENCE}}</a>{{/HAS_LINK}}{{#NO_LINK}}<span class="ref">{{REFERENCE}}</span>{{/NO_LINK}}{{/HAS_REFERENCE}}<br>{{TITLE}}{{#HAS_NOTE}}<br><small>{{NOTE}}</small>{{/HAS_NOTE}}</td>
<td data-label="شهر">{{CITY}}</td>
<td data-label="امتیاز">{{POINTS_FA}} <span class="muted">({{RANKED_BY_FA}} شهر)</span></td>
<td data-label="در دستور">{{#ADOPTED}}بند {{ADOPTED_FA}}{{/ADOPTED}}{{#NOT_ADOPTED}}—{{/NOT_ADOPTED}}</td>
{{#RANK_INPUT}}<td data-label="رتبه شما"><input type="hidden" name="proposal" value="{{NUMBER}}" form="ranking-form"><input type="text" inputmode="numeric" dir="ltr" size="3" name="rank" value="{{RANK}}" form="ranking-form" aria-label="رتبه شما برای این پیشنهاد"></td>{{/RANK_INPUT}}
{{#OWN}}<td data-label="پیشنهاد شما"><form method="post" action="/meetings/{{ID}}/proposals/{{NUMBER}}/withdraw"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">پس گرفتن</button></form></td>{{/OWN}}
{{#PICK}}<td data-label="برگزیده"><input type="checkbox" name="proposal" value="{{NUMBER}}" form="build-form"{{#TICKED}} checked{{/TICKED}} aria-label="برگزیدن برای دستور جلسه"></td>{{/PICK}}
</tr>{{/PROPOSAL}}</tbody>
</table>{{/HAS_PROPOSALS}}
{{#RANKING_FORM}}<form id="ranking-form" method="post" action="/meetings/{{ID}}/ranking" class="no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#RANKING_HAS_ERROR}}<p class="error-message" id="f-proposals">{{RANKING_ERROR}}</p>{{/RANKING_HAS_ERROR}}
<p class="hint">به پیشنهادهای شهرهای دیگر رتبه بدهید: ۱ برای مهم‌ترین؛ خانه خالی یعنی بی‌رتبه. رتبه‌بندی تازه جای پیشین را می‌گیرد.</p>
<button type="submit">ثبت رتبه‌بندی</button>
</form>{{/RANKING_FORM}}
{{#BUILD_FORM}}<form id="build-form" method="post" action="/meetings/{{ID}}/consultation/agenda" class="no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
{{#BUILD_HAS_ERROR}}<p class="error-message" id="f-proposals">{{BUILD_ERROR}}</p>{{/BUILD_HAS_ERROR}}
<p class="hint">پیشنهادهای برگزیده به ترتیب رتبه در دستور می‌آیند؛ هر خلأ در انتظار کمیسیون به بندهای رأی‌گیری افزوده می‌شود.</p>
<button type="submit">{{#REBUILD}}ساختن دوباره {{/REBUILD}}دستور جلسه از نتیجه نظرخواهی</button>
</form>{{/BUILD_FORM}}
{{#PROPOSE_FORM}}<form method="post" action="/meetings/{{ID}}/proposals" class="no-print" id="propose">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h3>پیشنهاد تازه {{CITY}}</h3>
<div class="grid">
<div class="field{{#KIND_HAS_ERROR}} has-error{{/KIND_HAS_ERROR}}">
<label for="f-kind">نوع</label>
{{#KIND_HAS_ERROR}}<span class="error-message">{{KIND_ERROR}}</span>{{/KIND_HAS_ERROR}}
<select id="f-kind" name="kind">{{#KIND_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_CHOICE}}</select>
</div>
<div class="field{{#TARGET_HAS_ERROR}} has-error{{/TARGET_HAS_ERROR}}">
<label for="f-target">شناسه خلأ، رأی یا طرح <span class="hint">مانند G-1405-0012، R-7 یا B-1405-0003؛ برای موضوع آزاد خالی بگذارید</span></label>
{{#TARGET_HAS_ERROR}}<span class="error-message">{{TARGET_ERROR}}</span>{{/TARGET_HAS_ERROR}}
<input type="text" dir="ltr" id="f-target" name="target" value="{{TARGET}}">
</div>
</div>
<div class="field{{#TITLE_HAS_ERROR}} has-error{{/TITLE_HAS_ERROR}}">
<label for="f-title">عنوان موضوع آزاد</label>
{{#TITLE_HAS_ERROR}}<span class="error-message">{{TITLE_ERROR}}</span>{{/TITLE_HAS_ERROR}}
<input type="text" id="f-title" name="title" value="{{TITLE}}" maxlength="300">
</div>
<div class="field{{#NOTE_HAS_ERROR}} has-error{{/NOTE_HAS_ERROR}}">
<label for="f-note">توضیح</label>
{{#NOTE_HAS_ERROR}}<span class="error-message">{{NOTE_ERROR}}</span>{{/NOTE_HAS_ERROR}}
<textarea id="f-note" name="note">{{NOTE}}</textarea>
</div>
<button type="submit">ثبت پیشنهاد</button>
</form>{{/PROPOSE_FORM}}
</section>{{/CONSULTATION}}
<section aria-labelledby="h-agenda" id="agenda">
<h2 id="h-agenda">دستور جلسه</h2>
{{#NO_ITEMS}}<p class="panel muted">هنوز بندی در دستور جلسه نیست.</p>{{/NO_ITEMS}}
{{#ITEM}}<article class="panel item" id="item-{{N}}" aria-labelledby="h-item-{{N}}">
<h3 id="h-item-{{N}}">بند {{N_FA}}: {{>GAP_MENTION}}</h3>
{{>TALLY}}
{{#VOTE_FORM}}<form method="post" action="/meetings/{{ID}}/items/{{N}}/vote" class="vote no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>رأی {{CITY}}{{#VOTED}} (اکنون: {{MINE}})<span class="hint">تا تصمیم ثبت نشده، رأی را می‌توانید عوض کنید.</span>{{/VOTED}}</legend>
<div class="choices">{{#CHOICE}}<button type="submit" name="vote" value="{{VALUE}}" aria-pressed="{{PRESSED}}" class="secondary">{{LABEL}}</button>{{/CHOICE}}</div>
</fieldset>
</form>{{/VOTE_FORM}}
{{#NOT_PRESENT}}<p class="muted">حضور شهر شما در این جلسه ثبت نشده است؛ رأی پس از ثبت حضور ممکن است.</p>{{/NOT_PRESENT}}
{{#DECISION_FORM}}<form method="post" action="/meetings/{{ID}}/items/{{N}}/decision" class="decide no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<div class="field{{#DECISION_HAS_ERROR}} has-error{{/DECISION_HAS_ERROR}}">
<label for="{{DECISION_ID}}">تصمیم کمیسیون</label>
{{#DECISION_HAS_ERROR}}<span class="error-message">{{DECISION_ERROR}}</span>{{/DECISION_HAS_ERROR}}
<select id="{{DECISION_ID}}" name="decision" required><option value="">انتخاب کنید</option>{{#DECISION_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DECISION_CHOICE}}</select>
</div>
<div class="field">
<label for="{{COMMENT_ID}}">توضیح تصمیم</label>
<textarea id="{{COMMENT_ID}}" name="comment">{{COMMENT}}</textarea>
</div>
<button type="submit">ثبت تصمیم</button>
</form>{{/DECISION_FORM}}
</article>{{/ITEM}}
</section>
{{#AGENDA_FORM}}<p class="panel no-print"><a href="/meetings/{{ID}}/agenda">تنظیم دستور جلسه</a> <span class="muted">— افزودن خلأهای در انتظار کمیسیون یا برداشتن موردی که هنوز رأی ندارد</span></p>{{/AGENDA_FORM}}
{{#CLOSE_FORM}}<form method="post" action="/meetings/{{ID}}/close" class="panel no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<p>پس از پایان جلسه، دیگر رأی، حضور یا تصمیمی ثبت نمی‌شود.</p>
<button type="submit" class="danger">پایان جلسه</button>
</form>{{/CLOSE_FORM}}
<div id="live"{{#LIVE}} hx-get="/meetings/{{ID}}/tally?version={{VERSION}}" hx-trigger="every 4s" hx-swap="none"{{/LIVE}}></div>
</div>
