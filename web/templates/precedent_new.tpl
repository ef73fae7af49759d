{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/precedents">درخواست‌های رأی وحدت رویه</a> › درخواست تازه</p>
<h1>درخواست رأی وحدت رویه</h1>
{{>ERROR_SUMMARY}}
<section class="panel" aria-labelledby="h-conflict">
<h2 id="h-conflict">تعارضی که درخواست برطرف می‌کند</h2>
{{#NO_CONFLICT}}<p class="muted">بر این ماده رأی به سود و به زیان شهرداری هر دو ثبت نشده است؛ درخواست تنها از تعارض آرا گشوده می‌شود.</p>{{/NO_CONFLICT}}
{{>CONFLICTS}}
<p class="muted">خلأهای این ماده (تا پنجاه) درخواست را دنبال می‌کنند.</p>
</section>
<form class="panel" method="post" action="/precedents">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="provision" value="{{PROVISION}}">
<div class="field{{#BOARD_HAS_ERROR}} has-error{{/BOARD_HAS_ERROR}}"><label for="f-board">خطاب به</label>{{#BOARD_HAS_ERROR}}<span class="error-message">{{BOARD_ERROR}}</span>{{/BOARD_HAS_ERROR}}<select id="f-board" name="board">{{#BOARD_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/BOARD_CHOICE}}</select></div>
<div class="field{{#QUESTION_HAS_ERROR}} has-error{{/QUESTION_HAS_ERROR}}"><label for="f-question">مسئله حقوقی <span class="hint">پرسشی که هیئت عمومی باید به آن پاسخ دهد</span></label>{{#QUESTION_HAS_ERROR}}<span class="error-message">{{QUESTION_ERROR}}</span>{{/QUESTION_HAS_ERROR}}<textarea id="f-question" name="question" class="long" required>{{QUESTION}}</textarea></div>
<fieldset class="field{{#RULINGS_HAS_ERROR}} has-error{{/RULINGS_HAS_ERROR}}" id="f-rulings"><legend>آرای پیوست درخواست <span class="hint">دست‌کم یک رأی به زیان و یک رأی به سود شهرداری؛ تازه‌ترین هر سو از پیش برگزیده است</span></legend>
{{#RULINGS_HAS_ERROR}}<span class="error-message">{{RULINGS_ERROR}}</span>{{/RULINGS_HAS_ERROR}}
{{#RULING_CHOICE}}<label class="checkbox"><input type="checkbox" name="ruling" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> <span class="outcome-{{OUTCOME}}">{{OUTCOME_LABEL}}</span>: {{COURT}}{{#BRANCH}} — {{BRANCH_NAME}}{{/BRANCH}}، دادنامه <bdi>{{NUMBER}}</bdi>، <time datetime="{{DECIDED_ON_ISO}}">{{DECIDED_ON}}</time> ({{CITY}})</label>{{/RULING_CHOICE}}
</fieldset>
{{#PROVISION_HAS_ERROR}}<p class="error-message" id="f-provision">{{PROVISION_ERROR}}</p>{{/PROVISION_HAS_ERROR}}
<button type="submit">گشودن درخواست</button>
</form>
