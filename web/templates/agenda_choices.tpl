{{%AUTOESCAPE context="HTML"}}<fieldset class="agenda-choices{{#AGENDA_HAS_ERROR}} has-error{{/AGENDA_HAS_ERROR}}" id="f-agenda">
<legend>دستور جلسه</legend>
{{#AGENDA_HAS_ERROR}}<span class="error-message">{{AGENDA_ERROR}}</span>{{/AGENDA_HAS_ERROR}}
<ul class="plain">
{{#ON_AGENDA}}<li>{{#LOCKED}}<input type="hidden" name="gap" value="{{REFERENCE}}"><span class="ref">{{REFERENCE}}</span> {{TITLE}} <span class="muted">(رأی یا تصمیم دارد و در دستور می‌ماند)</span>{{/LOCKED}}{{#UNLOCKED}}<label class="checkbox"><input type="checkbox" name="gap" value="{{REFERENCE}}"{{#TICKED}} checked{{/TICKED}}> <span><span class="ref">{{REFERENCE}}</span> {{TITLE}}</span></label>{{/UNLOCKED}}</li>{{/ON_AGENDA}}
{{#CANDIDATE}}<li><label class="checkbox"><input type="checkbox" name="gap" value="{{REFERENCE}}"{{#TICKED}} checked{{/TICKED}}> <span><span class="ref">{{REFERENCE}}</span> {{TITLE}} <span class="muted">— {{CITY}}، {{STATE_LABEL}}</span>{{#CONFIDENTIAL}} <span class="tag confidential">محرمانه</span>{{/CONFIDENTIAL}}</span></label></li>{{/CANDIDATE}}
</ul>
{{#NO_CANDIDATES}}<p class="muted">خلأ دیگری در انتظار کمیسیون نیست.</p>{{/NO_CANDIDATES}}
{{#MORE_WAITING}}<p class="muted">از هر وضعیت، {{OFFERED_FA}} خلأ که بیش از همه در انتظارند آمده است؛ خلأهای دیگر را با شناسه بیفزایید.</p>{{/MORE_WAITING}}
<div class="field"><label for="f-agenda-add">افزودن با شناسه خلأ <span class="hint">یک یا چند شناسه مانند G-1405-0001، جدا با فاصله یا ویرگول</span></label><input type="text" id="f-agenda-add" name="add" value="{{ADD}}" dir="ltr" autocomplete="off"></div>
</fieldset>
